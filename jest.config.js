// Root Jest config: runs every project under libs/, services/, deploy/ and tests/ that has a jest.config.js,
// found on disk rather than listed by hand.
const fs = require('node:fs');
const path = require('node:path');

function findProjects(dir, depth) {
  const abs = path.join(__dirname, dir);
  if (!fs.existsSync(abs)) return [];
  if (fs.existsSync(path.join(abs, 'jest.config.js'))) return [`<rootDir>/${dir}`];
  if (depth === 0) return [];
  return fs
    .readdirSync(abs, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .flatMap((entry) => findProjects(path.join(dir, entry.name), depth - 1));
}

module.exports = {
  projects: [
    ...findProjects('libs', 2),
    ...findProjects('services', 1),
    ...findProjects('deploy', 0),
    ...findProjects('tests', 0),
  ],
};
