// The desk's order of the stories (beside the email, never in it): the lead, then each section's stories as the email
// shows them. "Make lead" writes issue.toml's lead; ↑ and ↓ make a story trade places with the one beside it in its
// section (their files' numbers and priority: lines). The preview rebuilds and this list follows the new build.
// Uses preview.js's $, element and write; shown from its showBuild.
'use strict';

function showOrder(summary) {
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
        item.append(
          orderButton('make-lead', 'Make lead', `Make “${story.headline}” the lead`, story.lead,
            () => order('/make-lead', {story: story.file}, () => `“${story.headline}” leads the issue now`)),
          orderButton('move-up', '↑', `Move “${story.headline}” up`, story.move && above && above.move,
            () => order('/move-story', {story: story.file, line: String(story.line), step: 'up'}, moved('before'))),
          orderButton('move-down', '↓', `Move “${story.headline}” down`, story.move && below && below.move,
            () => order('/move-story', {story: story.file, line: String(story.line), step: 'down'}, moved('after'))),
        );
      }
      stories.append(item);
    });
    section.append(stories);
    list.append(section);
  }
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
async function order(path, fields, done) {
  const result = $('order-result');
  for (const button of document.querySelectorAll('#order-list button')) button.disabled = true;
  result.className = 'order-result';
  result.textContent = 'Changing the order…';
  try {
    const answer = await write(path, fields);
    const files = path === '/make-lead' ? `issue.toml: lead = "${fields.story}"` : answer.written.join(', ');
    result.textContent = `${done(answer)} (${files}). The preview shows it as soon as it is built.`;
    result.className = 'order-result order-ok';
  } catch (error) {
    result.textContent = `Not changed: ${error.message.replace(/^Refused: /, '')}`;
    result.className = 'order-result order-error';
  }
  // The buttons again (the server orders the files as they are, whatever this list still shows): a change whose build
  // fails leaves this list as it was, and the editor may change the order back from it.
  if (lastSummary) showOrder(lastSummary);
}

$('order-open').addEventListener('click', () => {
  const panel = $('order');
  panel.hidden = !panel.hidden;
  $('order-open').setAttribute('aria-expanded', String(!panel.hidden));
});

// A build the page heard of before this file had loaded (deferred scripts load apart, the state may come first)
if (lastSummary) showOrder(lastSummary);
