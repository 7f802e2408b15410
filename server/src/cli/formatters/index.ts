// --format name → formatter.
import type { Format } from '../args';
import type { Formatter } from '../report';
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';

export const formatters: Record<Format, Formatter> = { stylish, json, sarif, github, gitlab };
