export { c as b } from './c.js';
