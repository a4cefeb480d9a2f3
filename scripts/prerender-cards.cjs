'use strict';
// Renders the cards that need no user data (the welcome, the help, each topic's first question)
// into <dir>/prerendered-cards.json, which cards/render.ts reads beside the deployed bundle.
//   node scripts/prerender-cards.cjs <dir>
// Uses tsc's output (dist/), built from the same sources as the bundle, and the bot's own
// functions, so the cards and their keys are exactly what the bundle would render.

const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/prerender-cards.cjs <dir>');
const dist = join(__dirname, '..', 'dist');
const render = require(join(dist, 'cards', 'render.js'));
const { helpCard, welcomeCard } = require(join(dist, 'bot', 'replies.js'));
const { nextStep } = require(join(dist, 'bot', 'interview.js'));
const { TOPIC_IDS } = require(join(dist, 'core', 'types.js'));

welcomeCard();
helpCard();
for (const topic of TOPIC_IDS) nextStep({ topic, facts: {}, history: [] }, '');
const cards = render.keptCards();
writeFileSync(join(dir, render.PRERENDERED_FILE), `${JSON.stringify(cards)}\n`);
process.stdout.write(`${JSON.stringify({ cards: cards.length, bytes: render.renderedCards().bytes })}\n`);
