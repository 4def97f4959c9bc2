import { b } from './b.js';
import {
	c,
} from './c.js';

// A quote in prose is not an import: it comes from 'the feed'.
export const text = 'from here';
console.log(b, c, text);
