module.exports = { displayName: 'dev-broker', preset: '../../jest.preset.js', rootDir: '.' };
