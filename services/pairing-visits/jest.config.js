module.exports = { displayName: 'pairing-visits', preset: '../../jest.preset.js', rootDir: '.' };
