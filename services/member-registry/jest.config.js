module.exports = { displayName: 'member-registry', preset: '../../jest.preset.js', rootDir: '.' };
