// Cross-service journeys: the whole platform (embedded Postgres, dev broker, every service as a
// process) started by @lianxin/testing's startTestPlatform on free ports and a temporary directory.
module.exports = { displayName: 'e2e', preset: '../jest.preset.js', rootDir: '.' };
