import { x } from 'https://cdn.example.org/x.js';
