// The preview page: shows the built email in a sandboxed iframe and, beside it, what to check before
// sending. Everything from the issue goes in with textContent: story text never becomes markup here.
'use strict';

const MODES = {
  desktop: {width: 600, src: '/email.html?scheme=light'},
  mobile: {width: 375, src: '/email.html?scheme=light'},
  dark: {width: 600, src: '/email.html?scheme=dark'},
  text: {width: 680, src: '/email.txt'},
  web: {width: null, src: '/web.html'},
  source: {width: null, src: '/email.html?view=source'},
};
// What a phone's inbox row has room for: iPhone Mail at 375 px, one line of subject, two of preheader.
const PHONE = {subjectLines: 1, preheaderLines: 2};

const $ = (id) => document.getElementById(id);
const frame = $('email');
let mode = modeFromUrl();
let shown = {run: null, build: null};  // the build the side panel describes
let wanted = null;  // the newest build whose file the frame can show
let frameBuild = null;  // the build the frame's document holds (or is loading)

function modeFromUrl() {
  const wanted = new URLSearchParams(location.search).get('mode');
  return Object.hasOwn(MODES, wanted || '') ? wanted : 'desktop';
}

function setMode(next) {
  mode = next;
  const url = new URL(location.href);
  url.searchParams.set('mode', next);
  history.replaceState(null, '', url);
  loadFrame();
}

function showModeButtons() {
  for (const button of document.querySelectorAll('[data-mode]')) {
    button.setAttribute('aria-pressed', String(button.dataset.mode === mode));
  }
  document.documentElement.dataset.view = mode;
}

function frameUrl(build) {
  const {src} = MODES[mode];
  return `${src}${src.includes('?') ? '&' : '?'}build=${build}`;
}

// A new mode, a restarted server or a failed swap: load the frame's document afresh.
function loadFrame() {
  showModeButtons();
  if (wanted === null) return;
  const {width} = MODES[mode];
  frame.style.width = width ? `${width}px` : '100%';
  frame.dataset.loadedBuild = '';
  frame.dataset.mode = mode;
  frameBuild = wanted;
  frame.src = frameUrl(wanted);
}

function fitFrame() {
  const doc = frame.contentDocument;
  if (doc && doc.documentElement) frame.style.height = `${Math.max(doc.documentElement.offsetHeight, 200)}px`;
}

// The frame is as tall as its document, so the email scrolls with the page and its viewport is exactly
// 600 or 375 px wide: no inner scroll bar eats into the width.
frame.addEventListener('load', () => {
  const doc = frame.contentDocument;
  if (!doc || !doc.documentElement || frame.src === '') return;
  fitFrame();
  frame.dataset.loadedBuild = String(frameBuild);
  tellShown(frameBuild);
});

// The server makes the rest of a build (the other files, the summary) once the frame shows its first step:
// both would share the machine's cores while the browser lays the email out. Told after the next paint.
function tellShown(build) {
  if (build === null) return;
  requestAnimationFrame(() => setTimeout(() => {
    fetch(`/shown?build=${build}`, {cache: 'no-store'}).catch(() => {});
  }, 0));
}

// The new document's tree into the frame's, changing only what differs: elements that stay keep their styles,
// layout and pictures, so the browser redoes only what the save changed (a whole new tree re-parsed every
// style sheet and laid the whole email out again). A node of another kind or name is replaced whole.
function morph(into, from) {
  if (into.nodeType === Node.ELEMENT_NODE) morphAttributes(into, from);
  const had = [...into.childNodes];
  const fresh = [...from.childNodes];
  fresh.forEach((node, index) => {
    const old = had[index];
    if (old === undefined) {
      into.append(into.ownerDocument.adoptNode(node));
    } else if (same(old, node)) {
      // the same subtree: kept as it is
    } else if (old.nodeType !== node.nodeType || old.nodeName !== node.nodeName || old.namespaceURI !== node.namespaceURI
        || node.nodeName === 'TEMPLATE') {
      into.replaceChild(into.ownerDocument.adoptNode(node), old);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      morph(old, node);
    } else if (old.nodeValue !== node.nodeValue) {
      old.nodeValue = node.nodeValue;
    }
  });
  for (const old of had.slice(fresh.length)) old.remove();
}

// The same subtree, markup and all. The browser's own isEqualNode (much faster than a walk here) compares neither a
// <template>'s content nor the order of attributes: a subtree it calls equal is kept only if its markup, which holds
// both, is the same too.
function same(old, node) {
  return old.isEqualNode(node) && (old.nodeType !== Node.ELEMENT_NODE || old.outerHTML === node.outerHTML);
}

// The attributes of `from`, in its order (so the frame's markup reads as a fresh load's).
function morphAttributes(into, from) {
  const names = (element) => [...element.attributes].map((attribute) => attribute.name).join(' ');
  if (names(into) !== names(from)) {
    for (const {namespaceURI, localName} of [...into.attributes]) into.removeAttributeNS(namespaceURI, localName);
  }
  for (const {namespaceURI, localName, name, value} of from.attributes) {
    if (into.getAttributeNS(namespaceURI, localName) === value) continue;
    if (namespaceURI === null) into.setAttribute(name, value);
    else into.setAttributeNS(namespaceURI, name, value);
  }
}

// A new build in the same mode: the frame's document takes the new content in place, without a reload,
// so the page neither flashes nor loses its scroll position. The document keeps its sandbox and its
// Content-Security-Policy (no script runs); DOMParser's document loads and runs nothing either.
// The frame's own DOMParser parses it, under the frame's policy: this page's (style-src 'self') refuses
// every style attribute of the email, and reporting each refusal made the parse ten times slower.
async function swapFrame(build) {
  const shownMode = mode;
  const response = await fetch(frameUrl(build), {cache: 'no-store'});
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  const served = Number(response.headers.get('X-Preview-Build'));
  const text = await response.text();
  const doc = frame.contentDocument;
  if (mode !== shownMode || frame.dataset.mode !== mode || frame.dataset.loadedBuild === '' || !doc) return false;
  if ((response.headers.get('Content-Type') || '').startsWith('text/plain')) {
    const pre = doc.body && doc.body.querySelector('pre');
    if (!pre) return false;
    pre.textContent = text;
  } else {
    const Parser = (frame.contentWindow && frame.contentWindow.DOMParser) || DOMParser;
    const fresh = new Parser().parseFromString(text, 'text/html');
    morph(doc.documentElement, fresh.documentElement);
  }
  frameBuild = served;
  frame.dataset.loadedBuild = String(served);
  fitFrame();
  tellShown(served);
  return true;
}

let swapping = false;

async function updateFrame() {
  if (swapping) return;  // the running update goes on until the frame holds the newest build
  if (frame.dataset.loadedBuild === '' || frame.dataset.mode !== mode) {
    loadFrame();
    return;
  }
  swapping = true;
  try {
    while (frameBuild !== null && wanted !== null && frameBuild !== wanted) {
      if (!(await swapFrame(wanted))) {
        if (frame.dataset.loadedBuild !== '') loadFrame();
        break;
      }
      if (frameBuild > wanted) break;  // the server is ahead: its message is on the way
    }
  } catch (error) {
    loadFrame();
  } finally {
    swapping = false;
  }
}

// --- state from the server ------------------------------------------------------------------------------

// The server pushes its state after every change (see /events); /state.json gives it at start.
function applyState(state) {
  if (state.run !== shown.run) {
    shown = {run: state.run, build: null};
    wanted = null;
    frameBuild = null;
  }
  showError(state.error);
  const any = state.frame !== null && state.frame !== undefined;
  $('empty').hidden = any;
  $('device').hidden = !any;
  if (state.shown && state.shown.build !== shown.build) {
    shown.build = state.shown.build;
    showBuild(state.shown);
  }
  if (any && state.frame !== wanted) {
    const first = wanted === null || frameBuild === null;
    wanted = state.frame;
    if (first) loadFrame();
    else updateFrame();
  }
  showBuildLine(state);
  document.documentElement.dataset.build = String(state.build);
}

let heard = false;  // the event stream has spoken: its state is the newest

async function refresh() {
  try {
    const response = await fetch('/state.json', {cache: 'no-store'});
    const state = await response.json();
    if (!heard) applyState(state);
  } catch (error) {
    setStatus(`Could not reach the preview server: ${error.message}`, true);
  }
}

function showBuildLine(state) {
  const line = $('build');
  if (!state.shown && state.frame === null) line.textContent = `Build ${state.build} failed`;
  else if (state.error) line.textContent = `Build ${state.build} failed · showing build ${state.frame}`;
  else if (!state.shown || state.frame !== state.shown.build) line.textContent = `Build ${state.frame} · checking…`;
  else line.textContent = `Build ${state.shown.build} · ${state.shown.built_at}`;
}

function showError(error) {
  $('error').hidden = !error;
  document.documentElement.dataset.state = error ? 'error' : 'ok';
  if (!error) return;
  const where = error.file ? (error.line ? `${error.file}, line ${error.line}` : error.file) : 'an unknown place';
  $('error-where').textContent = where;
  $('error-message').textContent = error.detail || error.message;
}

let lastSummary = null;  // the newest checked build's summary: its stories, for the desk

function showBuild(summary) {
  lastSummary = summary;
  showInbox(summary);
  showSize(summary);
  showFindings(summary.findings);
  $('download-eml').setAttribute('download', `${summary.slug}.eml`);
  showCopyChoices(summary);
  if (typeof showOrder === 'function') showOrder(summary);  // order.js; not loaded yet, it shows lastSummary itself
}

// --- inbox row ----------------------------------------------------------------------------------------

const ruler = document.createElement('canvas').getContext('2d');

function textWidth(text, font) {
  ruler.font = font;
  return ruler.measureText(text).width;
}

// The longest start of `text` that fits `lines` lines of `width` px, cut with an ellipsis as phones do.
function cut(text, element, lines) {
  const font = getComputedStyle(element).font;
  const width = element.clientWidth;
  const chars = Array.from(text);
  const words = text.split(/(\s+)/);
  let used = 0;
  for (let line = 1; line < lines; line += 1) {
    let fitted = '';
    let taken = 0;
    for (let index = used; index < words.length; index += 1) {
      if (textWidth((fitted + words[index]).trimEnd(), font) > width) break;
      fitted += words[index];
      taken += 1;
    }
    if (taken === 0) break;
    used += taken;
  }
  const before = Array.from(words.slice(0, used).join('')).length;
  const rest = chars.slice(before);
  if (textWidth(rest.join(''), font) <= width) return {text, shown: chars.length};
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(`${rest.slice(0, middle).join('').trimEnd()}…`, font) <= width) low = middle;
    else high = middle - 1;
  }
  const kept = chars.slice(0, before + low).join('').trimEnd();
  return {text: `${kept}…`, shown: Array.from(kept).length};
}

function showInbox(summary) {
  $('inbox-from').textContent = summary.sender;
  $('inbox-from').title = summary.sender_email;
  const notes = [];
  for (const [name, lines] of [['subject', PHONE.subjectLines], ['preheader', PHONE.preheaderLines]]) {
    const element = $(`inbox-${name}`);
    const value = summary[name] || '';
    element.title = value;
    element.textContent = value;
    if (!value) {
      element.textContent = `(no ${name})`;
      notes.push(`The ${name} is empty.`);
      continue;
    }
    const result = cut(value, element, lines);
    element.textContent = result.text;
    const total = Array.from(value).length;
    const label = name[0].toUpperCase() + name.slice(1);
    notes.push(result.shown < total
      ? `${label}: a phone shows ${result.shown} of its ${total} characters.`
      : `${label}: all ${total} characters show on a phone.`);
  }
  $('inbox-note').textContent = notes.join(' ');
}

// --- size ---------------------------------------------------------------------------------------------

function kb(bytes) {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;
}

function showSize(summary) {
  const size = summary.sizes['email.html'] || 0;
  const {warn, limit} = summary.clip;
  const meter = $('size-meter');
  meter.max = limit;
  meter.high = warn;
  meter.low = Math.round(warn * 0.75);
  meter.optimum = 0;
  meter.value = Math.min(size, limit);
  const share = Math.round((100 * size) / limit);
  let verdict = 'well under the clip.';
  if (size > limit) verdict = 'Gmail clips it and hides the rest, the unsubscribe link included.';
  else if (size > warn) verdict = 'close to the clip: drop an item or shorten teasers.';
  $('size-text').textContent = `email.html is ${kb(size)}, ${share}% of Gmail’s ${limit / 1024} KB clip: ${verdict}`;
  $('size').dataset.level = size > limit ? 'error' : size > warn ? 'warning' : 'ok';
  const others = Object.entries(summary.sizes).filter(([name]) => name !== 'email.html');
  $('size-files').textContent = others.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(' · ');
}

// --- findings -----------------------------------------------------------------------------------------

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function showFindings(findings) {
  const list = $('warnings-list');
  const active = document.activeElement;
  const held = active && active !== list && list.contains(active) ? {
    story: active.closest('.finding-group').dataset.story, className: active.className, text: active.textContent,
  } : null;
  list.replaceChildren();
  const errors = findings.filter((finding) => finding.level === 'error').length;
  const warnings = findings.length - errors;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  $('warnings-count').textContent = parts.length ? `(${parts.join(', ')})` : '';
  $('warnings-none').hidden = findings.length > 0;
  const groups = new Map();
  for (const finding of findings) {
    const key = finding.story || '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(finding);
  }
  for (const [story, items] of groups) {
    const group = element('section', 'finding-group');
    group.dataset.story = story;
    group.append(element('h3', 'finding-story', story || 'The whole issue'));
    const ul = element('ul');
    for (const finding of items) {
      const li = element('li', `finding finding-${finding.level}`);
      li.append(element('span', 'finding-level', finding.level));
      li.append(element('span', 'finding-message', finding.message));
      if (finding.file) {
        li.append(element('span', 'finding-where', finding.line ? `${finding.file}:${finding.line}` : finding.file));
      }
      if (finding.guess && /\.(md|txt)$/.test(finding.file)) {
        li.append(headlineButtons(finding.file.split('/').pop(), finding.story, finding.choices || []));
      }
      ul.append(li);
    }
    group.append(ul);
    list.append(group);
  }
  if (held && (!document.activeElement || document.activeElement === document.body)) keepFinding(held);
}

// The list is made anew with each build, and a button of it that had the focus went with it (the focus fell to the
// page): the same button takes it back (its story's headline taken, the next build asks no more), else its story's
// heading, else the panel's.
function keepFinding(held) {
  const group = [...$('warnings-list').querySelectorAll('.finding-group')].find((g) => g.dataset.story === held.story);
  const same = group && [...group.querySelectorAll('button')].find(
    (button) => button.className === held.className && button.textContent === held.text);
  const target = same || (group && group.querySelector('.finding-story')) || $('warnings-title');
  if (target.tagName !== 'BUTTON') target.tabIndex = -1;
  target.focus();
}

// --- copy out: for pasting into a web editor, or the email's HTML for a service ---------------------------

const SERVICE_KEY = 'newsletter-preview-service';  // the service "Copy HTML" copies for, remembered

function showCopyChoices(summary) {
  const part = $('copy-part');
  const keep = part.value;
  part.replaceChildren(element('option', '', 'the whole issue'));
  part.firstChild.value = '';
  for (const story of summary.stories || []) {
    const option = element('option', '', story.headline || '(a story without a headline)');
    option.value = story.anchor;
    part.append(option);
  }
  part.value = [...part.options].some((option) => option.value === keep) ? keep : '';
  const service = $('copy-service');
  const chosen = service.options.length ? service.value : (localStorage.getItem(SERVICE_KEY) || '');
  service.replaceChildren();
  for (const {key, name} of summary.services || []) {
    const option = element('option', '', name);
    option.value = key;
    service.append(option);
  }
  service.value = [...service.options].some((option) => option.value === chosen) ? chosen : '';
}

// A request to the preview server. When nothing answers (the command stopped, with Ctrl-C or its terminal closed), the
// browser's own words, "Failed to fetch", say nothing of what to do: these do (a new session has its own address).
async function ask(url, options) {
  try {
    return await fetch(url, options);
  } catch (error) {
    throw new Error('the preview server is not answering: run `newsletter preview` again and open the address it '
      + 'prints');
  }
}

// The server's answer, or its one-line reason as an Error.
async function fetchCopy(url) {
  const response = await ask(url, {cache: 'no-store'});
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.error || `the server answered ${response.status}`);
  return answer;
}

// What a plain-text editor gets: one block a paragraph, list items (numbered or not) and table rows a line each, links
// spelled out.
function plainText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const link of doc.querySelectorAll('a[href]')) {
    if (link.textContent.trim() !== link.getAttribute('href')) link.after(` (${link.getAttribute('href')})`);
  }
  const lines = [];
  for (const node of doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6, p, li, figcaption, tr, pre')) {
    if (node.tagName === 'TR') {
      lines.push([...node.children].map((cell) => cell.textContent.trim()).join('\t'));
    } else if (node.tagName === 'LI') {
      const list = node.parentElement;  // a numbered list's items keep their numbers, as in email.txt
      const mark = list.tagName === 'OL' ? `${list.start + [...list.children].indexOf(node)}.` : '-';
      lines.push(`${mark} ${node.textContent.trim()}`);
    } else {
      lines.push('', node.textContent.trim());
    }
  }
  return lines.join('\n').trim() + '\n';
}

// The Clipboard API (the copy waits for the server, still inside the click): "Copy for pasting" puts rich text and
// plain text there together, "Copy HTML" the email's source alone, as text for a service's code editor (as HTML the
// browser would parse the email under this page's policy, refusing each of its style attributes in the console). Over
// plain http to another machine (--host) the API is off, and the copy command copies instead: a selection of the same
// HTML, or the source from a text area, with the same text/plain set in its copy event (the browser's own text of the
// selection would hold each photo's alt text as a line and drop the links' addresses).
async function writeClipboard(html, text, rich) {
  if (navigator.clipboard && window.ClipboardItem && window.isSecureContext) {
    const types = {'text/plain': html.then((value) => new Blob([text(value)], {type: 'text/plain'}))};
    if (rich) types['text/html'] = html.then((value) => new Blob([value], {type: 'text/html'}));
    await navigator.clipboard.write([new ClipboardItem(types)]);
    return;
  }
  const value = await html;
  const focused = document.activeElement;
  const selection = window.getSelection();
  let holder;
  if (rich) {
    holder = element('div', 'offscreen');
    holder.append(...new DOMParser().parseFromString(value, 'text/html').body.childNodes);
    document.body.append(holder);
    const range = document.createRange();
    range.selectNodeContents(holder);
    selection.removeAllRanges();
    selection.addRange(range);
  } else {
    holder = element('textarea', 'offscreen');
    holder.value = value;
    holder.readOnly = true;
    document.body.append(holder);
    holder.select();
  }
  const plain = text(value);
  const fill = (event) => {
    event.clipboardData.setData('text/plain', plain);
    if (rich) event.clipboardData.setData('text/html', value);
    event.preventDefault();
  };
  document.addEventListener('copy', fill);
  const copied = document.execCommand('copy');
  document.removeEventListener('copy', fill);
  selection.removeAllRanges();
  holder.remove();
  if (focused instanceof HTMLElement) focused.focus();  // the button clicked, for the next key
  if (!copied) throw new Error('the browser refused');
}

// One copy: the server's reason wins over the clipboard's own error (which says only that the write failed).
async function copy(url, text, rich, done) {
  const answer = fetchCopy(url);
  const html = answer.then((value) => value.html);
  try {
    await writeClipboard(html, text, rich);
    const copied = await answer;
    const older = olderThanNewest(copied);
    setStatus(`${done(copied)}${older}`, Boolean(older));
  } catch (error) {
    const reason = await answer.then(() => error, (failure) => failure);
    setStatus(`Nothing copied: ${reason.message}`, true);
  }
}

// A copy is of the last build that built, once the server has waited (briefly) for the build of the last save: while
// that one failed, or was not done, the copy holds none of the changes since. Said, so that the editor does not paste
// what they have just fixed (or added) without it.
function olderThanNewest({build, newest, failed, building}) {
  if (building) {
    return ` This is build ${build}: the build of your last save was not done yet, so what you changed since is not`
      + ' in it. Copy again in a moment.';
  }
  if (!failed || !(build < newest)) return '';
  return ` This is build ${build}, the last that built: build ${newest} failed (above), so what you changed since is`
    + ' not in it. Fix the file, save, and copy again.';
}

function copyForPasting() {
  const story = $('copy-part').value;
  copy(`/paste.json${story ? `?story=${encodeURIComponent(story)}` : ''}`, plainText, true, (answer) => {
    const what = answer.story ? `“${answer.story}”` : 'the whole issue';
    return `Copied ${what} for pasting: paste it into Substack’s, Ghost’s or beehiiv’s editor (Ctrl+V).`;
  });
}

function copyHtml() {
  const key = $('copy-service').value;
  localStorage.setItem(SERVICE_KEY, key);
  copy(`/copy.json?service=${encodeURIComponent(key)}`, (html) => html, false, (answer) => {
    const bytes = new TextEncoder().encode(answer.html).length;
    return `Copied email.html for ${answer.service} (${kb(bytes)}; ${answer.summary}): `
      + 'paste it into the service’s HTML editor.';
  });
}

// --- Add a page: a page pasted or dropped becomes a story file in the issue folder -------------------------

// A write to the issue folder: the server's answer, or an error saying why it refused.
async function write(path, fields) {
  // The session's token, which the server wrote into this page: no other page can read it.
  const token = document.querySelector('meta[name="preview-token"]').content;
  const response = await ask(path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-Preview-Token': token},
    body: JSON.stringify({...fields, token}),
  });
  const answer = await response.json().catch(() => ({error: `the server answered ${response.status}`}));
  if (!response.ok) throw new Error(answer.error || `the server answered ${response.status}`);
  return answer;
}

async function addToIssue(path, fields) {
  const result = $('add-result');
  // The server fetches the page at the address first, when asked (up to 10 s): say so while the editor waits, and
  // let them stop waiting (the paste is then added with the headline its own lines give)
  const host = ((fields.address || '').split('/')[2] || '').split('@').pop();  // (never a password typed in it)
  const reading = fields.look && host ? ` Reading the page at ${host}…` : '';
  result.replaceChildren(element('p', '', `Adding…${reading}`));
  result.className = 'add-result';
  if (reading) {
    fields = {...fields, ticket: crypto.randomUUID()};
    const stop = element('button', 'stop-reading', 'Stop reading');
    stop.type = 'button';
    stop.addEventListener('click', () => {
      stop.disabled = true;
      stop.textContent = 'Stopping…';
      write('/stop-reading', {ticket: fields.ticket}).catch(() => {});  // (the add's own answer says what came of it)
    });
    result.firstChild.append(' ', stop);
  }
  try {
    showAdded(await write(path, fields), path);
    if (path === '/add-page') $('page-address').value = '';  // the page's own: the next page has another
  } catch (error) {
    result.replaceChildren(element('p', '', `Not added: ${error.message.replace(/^Refused: /, '')}`));
    result.className = 'add-result add-error';
  }
}

// A choice offered for a story under "Add a page" (the photo dropped, or a headline): its answer takes the place of
// the offer and, for the next key, the focus of the button pressed (the offer went, and the focus fell to the page);
// a refusal keeps the offer, and the button its focus, to choose again.
async function settle(path, fields, offer) {
  const result = $('add-result');
  const held = offer.contains(document.activeElement);
  result.className = 'add-result';
  try {
    showAdded(await write(path, fields), path);
    if (held || document.activeElement === document.body) {
      result.firstChild.tabIndex = -1;
      result.firstChild.focus();
    }
  } catch (error) {
    for (const node of [...result.childNodes]) if (node !== offer) node.remove();
    result.prepend(element('p', '', `Not changed: ${error.message.replace(/^Refused: /, '')}`));
    result.className = 'add-result add-error';
  }
}

function showAdded(answer, path) {
  const result = $('add-result');
  result.className = 'add-result add-ok';
  const [first, ...rest] = answer.written;
  if (path === '/use-photo') {
    result.replaceChildren(element('p', '', `${first} shows its new picture as soon as it is built.`));
    return;
  }
  if (path === '/use-headline') {
    result.replaceChildren(element('p', '', `${first} is now headed “${answer.headlines[0]}”.`));
    return;
  }
  if (path === '/add-photo') {
    result.replaceChildren(element('p', '', `Saved ${first}. Give it to a story, or name it as image: ${first}.`));
    offerPhoto(first);
    return;
  }
  const line = `Added ${first}${answer.headlines[0] ? ` (“${answer.headlines[0]}”)` : ''}`
      + `${rest.length ? ` and ${rest.length} linked item${rest.length === 1 ? '' : 's'}: ${rest.join(', ')}` : ''}`
      + '. The preview shows it as soon as it is built.';
  result.replaceChildren(element('p', '', line));
  if (answer.warnings && answer.warnings.length) {
    const list = element('ul');
    for (const warning of answer.warnings) list.append(element('li', '', warning));
    result.append(element('p', '', 'The reader says:'), list);
  }
  if (answer.unsure) offerHeadlines(first, answer.headlines[0], answer.choices || []);
}

// A guessed headline: each of the lines the reader weighed next is a button that makes it the story's headline.
function offerHeadlines(story, current, choices) {
  const take = (headline) => settle('/use-headline', {story, headline}, offer);
  const offer = headlineButtons(story, current, choices, take);
  $('add-result').append(offer);
}

// The buttons that settle a guessed headline, under "Add a page" or under its warning in "Before you send" (which
// says in the status line what it did): "Keep" confirms it as it is (its flag goes); each other line replaces it.
function headlineButtons(story, current, choices, take = (headline) => takeHeadline(story, headline)) {
  const line = element('p', 'headline-offer');
  const button = (text, headline, className) => {
    const node = element('button', className, text);
    node.type = 'button';
    node.addEventListener('click', () => take(headline));
    return node;
  };
  if (current) line.append(button(`Keep “${current}”`, current, 'headline-keep'), ' ');
  if (choices.length) line.append(current ? 'or take another: ' : 'Take another headline: ');
  for (const choice of choices) line.append(button(choice, choice, 'headline-take'), ' ');
  return line;
}

async function takeHeadline(story, headline) {
  try {
    const answer = await write('/use-headline', {story, headline});
    setStatus(`${answer.written[0]} is now headed “${answer.headlines[0]}”.`);
  } catch (error) {
    setStatus(`Not changed: ${error.message.replace(/^Refused: /, '')}`, true);
  }
}

// A dropped photo is offered to the issue's Markdown stories that have no picture yet (nor say `image: false`).
function offerPhoto(photo) {
  const stories = (lastSummary && lastSummary.stories || []).filter((story) => story.file && story.takes_photo);
  if (!stories.length) return;
  const pick = element('select', 'photo-story');
  pick.setAttribute('aria-label', 'The story that takes the photo');
  for (const story of stories) {
    const option = element('option', '', `${story.headline || story.file} (${story.file})`);
    option.value = story.file;
    pick.append(option);
  }
  const use = element('button', 'photo-use', 'Use for this story');
  use.type = 'button';
  const line = element('p', 'photo-offer');
  use.addEventListener('click', () => settle('/use-photo', {story: pick.value, photo}, line));
  line.append(pick, ' ', use);
  $('add-result').append(line);
}

// A dropped file's bytes, base64-encoded for the request's JSON: a saved page's are decoded by the server as
// `newsletter import` decodes the file (its <meta charset>, else UTF-8, else Windows-1252), where file.text() read
// every page as UTF-8 and a Windows-1252 page's quotes and accents became U+FFFD.
function bytesOf(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] || '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function readFile(file) {
  const page = /\.html?$/i.test(file.name) || file.type === 'text/html';
  if (!page && !file.type.startsWith('image/')) {
    return notAdded(`${file.name} is neither a saved .html page nor a photo.`);
  }
  // Over the build's limit (a story file's, an image file's), refused here with its size and never read: the server
  // refuses a request over it before reading it, so it can name the limit but not the size (the words are desk.py's)
  const limit = Number(document.querySelector(`meta[name="${page ? 'page' : 'photo'}-limit"]`).content);
  if (file.size > limit) {
    const what = page ? 'a story file' : 'an image file';
    const over = `${megabytes(file.size)}, over the ${megabytes(limit)} limit for ${what}`;
    return notAdded(page ? `the page is ${over}` : `'${file.name}' is ${over}`);
  }
  if (page) return bytesOf(file).then((data) => addToIssue('/add-page', {data, name: file.name, ...address()}));
  return bytesOf(file).then((data) => addToIssue('/add-photo', {name: file.name, data}));
}

function notAdded(reason) {
  $('add-result').replaceChildren(element('p', '', `Not added: ${reason}`));
  $('add-result').className = 'add-result add-error';
  return Promise.resolve();
}

function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// The address typed over the paste box, for the next page added (then cleared: it is that page's only), and whether
// the page there may be read for the headline it names.
function address() {
  return {address: $('page-address').value.trim(), look: $('page-look').checked ? 'yes' : ''};
}

function setUpDesk() {
  const box = $('paste-box');
  $('add-page-open').addEventListener('click', () => {
    const panel = $('add-page');
    panel.hidden = !panel.hidden;
    $('add-page-open').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) box.focus();
  });
  // The box only receives: what is pasted or dropped goes to the server, never into this page.
  box.addEventListener('beforeinput', (event) => event.preventDefault());
  box.addEventListener('paste', (event) => {
    event.preventDefault();
    const data = event.clipboardData;
    const files = [...data.files];
    if (files.length) { readFile(files[0]); return; }
    addToIssue('/add-page', {html: data.getData('text/html'), text: data.getData('text/plain'), ...address()});
  });
  box.addEventListener('dragover', (event) => { event.preventDefault(); box.classList.add('dropping'); });
  box.addEventListener('dragleave', () => box.classList.remove('dropping'));
  box.addEventListener('drop', (event) => {
    event.preventDefault();
    box.classList.remove('dropping');
    const files = [...event.dataTransfer.files];
    if (files.length) readFile(files[0]);
    else addToIssue('/add-page', {html: event.dataTransfer.getData('text/html'), text: event.dataTransfer.getData('text/plain'), ...address()});
  });
}

let statusTimer = null;

function setStatus(text, failed = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('status-error', failed);
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => { status.textContent = ''; }, 8000);
}

// --- start ----------------------------------------------------------------------------------------------

for (const button of document.querySelectorAll('[data-mode]')) {
  button.addEventListener('click', () => setMode(button.dataset.mode));
}
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest('input, textarea, select, [contenteditable]')) return;
  const modes = Object.keys(MODES);
  const index = Number(event.key) - 1;
  if (index >= 0 && index < modes.length) setMode(modes[index]);
});
$('copy-html').addEventListener('click', copyHtml);
$('copy-paste').addEventListener('click', copyForPasting);
$('copy-service').addEventListener('change', () => localStorage.setItem(SERVICE_KEY, $('copy-service').value));
setUpDesk();

// Live reload: the server pushes its state after every change; EventSource reconnects by itself (and the
// server then sends its state at once).
const events = new EventSource('/events');
events.addEventListener('message', (event) => {
  heard = true;
  applyState(JSON.parse(event.data));
});
showModeButtons();
refresh();
