// The desk's order of the stories (beside the email, never in it): the lead, then each section's stories as the email
// shows them. "Make lead" writes issue.toml's lead; ↑ and ↓ make a story trade places with the one beside it in its
// section (their files' numbers and priority: lines). The preview rebuilds and this list follows the new build.
// Uses preview.js's $, element and write; shown from its showBuild.
'use strict';

// The button a change was asked with, while its answer and the build after it come ({file, className, build}): the list
// is made anew each time, and the focus goes back to that story's button, for the next key (a story moved takes its
// new file name; at the end of its section, its other arrow takes it; a story made lead has no buttons, and the list's
// first one takes it).
let asked = null;

function showOrder(summary) {
  const active = document.activeElement;
  const item = active && $('order-list').contains(active) ? active.closest('.order-story') : null;
  const focus = asked || (item && {file: item.dataset.file, className: active.className});
  const groups = summary.order || [];
  $('order-open').hidden = !groups.length;
  const list = $('order-list');
  list.replaceChildren();
  for (const group of groups) {
    const section = element('li', 'order-section');
    section.append(element('h3', '', group.heading || 'Lead'));
    const stories = element('ol');
    group.stories.forEach((story, index) => {
      const item = element('li', 'order-story');
      item.dataset.file = story.file;
      item.append(element('span', 'order-headline', story.headline), ' ', element('span', 'order-file', story.file));
      if (group.heading) {
        const above = group.stories[index - 1];
        const below = group.stories[index + 1];
        const lead = () => order('/make-lead', {story: story.file}, () => `“${story.headline}” leads the issue now`,
          'make-lead');
        const move = (step, where) => () => order(
          '/move-story', {story: story.file, line: String(story.line), step}, moved(where), `move-${step}`);
        item.append(
          orderButton('make-lead', 'Make lead', `Make “${story.headline}” the lead`, story.lead, lead),
          orderButton('move-up', '↑', `Move “${story.headline}” up`, story.move && above && above.move,
            move('up', 'before')),
          orderButton('move-down', '↓', `Move “${story.headline}” down`, story.move && below && below.move,
            move('down', 'after')),
        );
      }
      stories.append(item);
    });
    section.append(stories);
    list.append(section);
  }
  if (focus && (!document.activeElement || document.activeElement === document.body)) refocus(focus, summary.build);
}

function refocus(focus, build) {
  const item = [...document.querySelectorAll('#order-list .order-story')].find((li) => li.dataset.file === focus.file);
  if (!item) return;  // a story moved: its new name comes with the next build
  const buttons = [`.${focus.className}`, '.move-up, .move-down', 'button'].flatMap((kind) => [
    ...item.querySelectorAll(kind)]).concat([...document.querySelectorAll('#order-list button')]);
  const button = buttons.find((candidate) => !candidate.disabled);
  if (button) button.focus();
  if (asked && build > asked.build) asked = null;
}

function orderButton(className, text, label, enabled, act) {
  const button = element('button', className, text);
  button.type = 'button';
  button.setAttribute('aria-label', label);
  button.title = label;
  button.disabled = !enabled;
  button.addEventListener('click', act);
  return button;
}

const moved = (where) => (answer) => `“${answer.headlines[0]}” now comes ${where} “${answer.headlines[1]}”`;

// One change of the order: what it wrote in one line, or why nothing was (nothing is then written).
async function order(path, fields, done, className) {
  const mine = {file: fields.story, className, build: lastSummary ? lastSummary.build : 0};
  asked = mine;
  const result = $('order-result');
  for (const button of document.querySelectorAll('#order-list button')) button.disabled = true;
  result.className = 'order-result';
  result.textContent = 'Changing the order…';
  try {
    const answer = await write(path, fields);
    if (path === '/move-story') mine.file = answer.written[0];  // the story's own new name
    const files = path === '/make-lead' ? `issue.toml: lead = "${fields.story}"` : answer.written.join(', ');
    result.textContent = `${done(answer)} (${files}). The preview shows it as soon as it is built.`;
    result.className = 'order-result order-ok';
  } catch (error) {
    result.textContent = `Not changed: ${error.message.replace(/^Refused: /, '')}`;
    result.className = 'order-result order-error';
    mine.refused = true;
  }
  // The buttons again (the server orders the files as they are, whatever this list still shows): a change whose build
  // fails leaves this list as it was, and the editor may change the order back from it.
  if (lastSummary) showOrder(lastSummary);
  if (mine.refused && asked === mine) asked = null;  // nothing written: no build comes for it
}

$('order-open').addEventListener('click', () => {
  const panel = $('order');
  panel.hidden = !panel.hidden;
  $('order-open').setAttribute('aria-expanded', String(!panel.hidden));
});

// A build the page heard of before this file had loaded (deferred scripts load apart, the state may come first)
if (lastSummary) showOrder(lastSummary);
