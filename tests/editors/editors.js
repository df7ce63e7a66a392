// Two real rich-text editors on one page, for the paste tests: ProseMirror (the base of Substack's and
// beehiiv's editors) and Lexical (Ghost's). Each is set up the way a newsletter service sets it up for
// pasting: headings, lists, links, images, quotes and tables. window.editors[name].html() gives what the
// editor would save: its own serialisation of its document model, not the pasted markup.
import {EditorState} from 'prosemirror-state';
import {EditorView} from 'prosemirror-view';
import {Schema, DOMSerializer} from 'prosemirror-model';
import {schema as basic} from 'prosemirror-schema-basic';
import {addListNodes} from 'prosemirror-schema-list';
import {tableNodes} from 'prosemirror-tables';

import {createEditor, DecoratorNode} from 'lexical';
import {registerRichText, HeadingNode, QuoteNode} from '@lexical/rich-text';
import {ListNode, ListItemNode} from '@lexical/list';
import {LinkNode} from '@lexical/link';
import {TableNode, TableRowNode, TableCellNode} from '@lexical/table';
import {$generateHtmlFromNodes} from '@lexical/html';

// --- ProseMirror --------------------------------------------------------------------------------------

const pmSchema = new Schema({
  nodes: addListNodes(basic.spec.nodes, 'paragraph block*', 'block').append(
    tableNodes({tableGroup: 'block', cellContent: 'block+', cellAttributes: {}}),
  ),
  marks: basic.spec.marks,
});

const pmView = new EditorView(document.querySelector('#prosemirror'), {
  state: EditorState.create({schema: pmSchema}),
});

function pmHtml() {
  const box = document.createElement('div');
  box.append(DOMSerializer.fromSchema(pmSchema).serializeFragment(pmView.state.doc.content));
  return box.innerHTML;
}

// --- Lexical ------------------------------------------------------------------------------------------

// Lexical has no image node of its own: each host writes one (Ghost's Koenig has an image card that takes a
// pasted <figure> with its <img> and <figcaption>). This one does the same, and is saved as a figure.
class ImageNode extends DecoratorNode {
  static getType() { return 'image'; }
  static clone(node) { return new ImageNode(node.__src, node.__alt, node.__caption, node.__key); }
  constructor(src, alt, caption, key) {
    super(key);
    this.__src = src;
    this.__alt = alt;
    this.__caption = caption;
  }
  isInline() { return false; }
  createDOM() {
    const img = document.createElement('img');
    img.src = this.__src;
    img.alt = this.__alt;
    return img;
  }
  updateDOM() { return false; }
  decorate() { return null; }
  exportDOM() {
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.setAttribute('src', this.__src);
    img.setAttribute('alt', this.__alt);
    figure.append(img);
    if (this.__caption) {
      const caption = document.createElement('figcaption');
      caption.textContent = this.__caption;
      figure.append(caption);
    }
    return {element: figure};
  }
  static importJSON(json) { return new ImageNode(json.src, json.alt, json.caption); }
  exportJSON() { return {type: 'image', version: 1, src: this.__src, alt: this.__alt, caption: this.__caption}; }
  static importDOM() {
    const image = (img, caption) => new ImageNode(img.getAttribute('src') || '', img.getAttribute('alt') || '', caption);
    return {
      figure: (element) => (element.querySelector('img') ? {
        priority: 1,
        conversion: (figure) => {
          const caption = figure.querySelector('figcaption');
          return {node: image(figure.querySelector('img'), caption ? caption.textContent.trim() : ''), after: () => []};
        },
      } : null),
      img: () => ({priority: 0, conversion: (img) => ({node: image(img, '')})}),
    };
  }
}

const lexical = createEditor({
  namespace: 'paste-test',
  nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, TableNode, TableRowNode, TableCellNode, ImageNode],
  onError: (error) => { window.lexicalErrors.push(String(error)); },
});
window.lexicalErrors = [];
lexical.setRootElement(document.querySelector('#lexical'));
registerRichText(lexical);

function lexicalHtml() {
  return lexical.getEditorState().read(() => $generateHtmlFromNodes(lexical, null));
}

window.editors = {
  prosemirror: {html: pmHtml, focus: () => pmView.focus()},
  lexical: {html: lexicalHtml, focus: () => lexical.focus()},
};
document.documentElement.dataset.ready = 'yes';
