export { loadOptions } from './loadOptions';
