const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc only emits JavaScript: icons (light + dark SVG) and codex files (*.node.json) are copied next to
// the compiled node and credential files so n8n finds them relative to each *.node.js / *.credentials.js.
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.' }).pipe(dest('dist'));
}

function copyCodex() {
	return src(['nodes/**/*.node.json'], { base: '.' }).pipe(dest('dist'));
}

task('build:icons', parallel(copyIcons, copyCodex));
module.exports = { copyIcons, copyCodex, root: path.resolve(__dirname) };
