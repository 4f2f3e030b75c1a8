// Live preview: the same header as a block widget right after the front matter (the properties
// block), for the file the editor shows. The widget keeps its own live Component while mounted.
import { StateField, type EditorState, type Extension, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import { Component, editorInfoField, editorLivePreviewField, type TFile } from 'obsidian';
import { firstContentLine, HEADER_CLASS, mountHeader } from './header';
import type { Host } from './host';

class HeaderWidget extends WidgetType {
  private static mounted = new WeakMap<HTMLElement, Component>();

  constructor(
    private readonly host: Host,
    readonly file: TFile,
  ) {
    super();
  }

  /** The same TFile is the same note: Obsidian renames it in place, and the header reads its path live. */
  override eq(other: HeaderWidget): boolean {
    return other.file === this.file;
  }

  toDOM(): HTMLElement {
    const el = createDiv({ cls: [HEADER_CLASS, 'maturity-map-header-live', 'is-empty'] });
    const owner = new Component();
    owner.load();
    mountHeader(owner, el, this.host, () => this.file.path);
    HeaderWidget.mounted.set(el, owner);
    return el;
  }

  override destroy(dom: HTMLElement): void {
    HeaderWidget.mounted.get(dom)?.unload();
    HeaderWidget.mounted.delete(dom);
  }

  /** Clicks inside the header are ours (links to components), not cursor moves. */
  override ignoreEvent(): boolean {
    return true;
  }
}

/** Where the header goes: the start of the first content line, or the end of a note that has none. */
function headerPosition(state: EditorState): number {
  const doc = state.doc;
  const first = firstContentLine(doc.sliceString(0, Math.min(doc.length, 64 * 1024)));
  return first === -1 || first >= doc.lines ? doc.length : doc.line(first + 1).from;
}

function decorations(host: Host, state: EditorState): DecorationSet {
  if (!state.field(editorLivePreviewField, false)) return Decoration.none;
  const file = state.field(editorInfoField, false)?.file;
  if (!file) return Decoration.none;
  const widget = Decoration.widget({ widget: new HeaderWidget(host, file), block: true, side: -1 });
  return Decoration.set([widget.range(headerPosition(state))]);
}

function needsRebuild(tr: Transaction): boolean {
  if (tr.startState.field(editorLivePreviewField, false) !== tr.state.field(editorLivePreviewField, false)) return true;
  if (tr.startState.field(editorInfoField, false)?.file !== tr.state.field(editorInfoField, false)?.file) return true;
  // Only an edit near the top can move the end of the front matter.
  if (!tr.docChanged) return false;
  let nearTop = false;
  tr.changes.iterChangedRanges((fromA) => {
    if (fromA <= headerPosition(tr.startState) + 1) nearTop = true;
  });
  return nearTop;
}

export function headerExtension(host: Host): Extension {
  return StateField.define<DecorationSet>({
    create: (state) => decorations(host, state),
    update: (value, tr) => (needsRebuild(tr) ? decorations(host, tr.state) : value.map(tr.changes)),
    provide: (field) => EditorView.decorations.from(field),
  });
}
