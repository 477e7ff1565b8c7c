module.exports = { displayName: 'platform-persistence', preset: '../../../jest.preset.js', rootDir: '.' };
