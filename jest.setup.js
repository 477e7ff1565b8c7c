// Loaded before every test file: NestJS decorators need the metadata polyfill.
require('reflect-metadata');
