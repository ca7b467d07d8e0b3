// bbt studio: the page. Plain JavaScript, no framework, nothing from the
// network but the studio itself. The server is the source of truth: every
// state comes as a server-sent event; texts are read and saved by element id.
'use strict';

const $ = (id) => document.getElementById(id);
let T = {};
let toestand = null;
let gekozen = null;
// The open text: its element, the version it was read at, what was last saved.
// `bewaringen` counts the saves of this text: a reload asked for before one
// must not put back what the save replaced.
const open = { id: null, versie: null, bewaard: '', bestaat: false, bezig: false, conflict: null, bewaringen: 0 };
let bewaarTimer = null;
// The state's version when the last PDF was asked for, and whether it was made.
let pdfVersie = null;
let pdfGelukt = false;
const AUTOBEWAREN_MS = 1500;
// Pages by hash, reused when a new state lists the same page.
let paginaPool = new Map();
const observer = new IntersectionObserver(zichtbaar, { rootMargin: '150% 0px' });

function t(k) { return T[k] || k; }

// A textarea holds LF line ends only: compare and keep texts that way (a
// file written by Notepad has CRLF), or an untouched text would look changed.
const lf = (tekst) => tekst.replace(/\r\n?/g, '\n');

function el(tag, attrs = {}, ...kinderen) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('data-')) e.dataset[k.slice(5)] = v;
    else e.setAttribute(k, v);
  }
  for (const c of kinderen) if (c != null) e.append(c);
  return e;
}

async function json(url, opts) {
  let r;
  try {
    r = await fetch(url, opts);
  } catch (_) {
    // The studio stopped (or the connection broke): say so, never hang.
    return { status: 0, ok: false, body: { melding: t('ui-verbinding-weg') } };
  }
  let body = null;
  try { body = await r.json(); } catch (_) { body = null; }
  return { status: r.status, ok: r.ok, body };
}

async function start() {
  const teksten = await json('/api/teksten');
  if (teksten.ok) {
    T = teksten.body.teksten;
    document.documentElement.lang = teksten.body.taal;
    $('editor').lang = 'nl';
  }
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = t(e.dataset.t);
  document.title = t('ui-titel');
  $('tekst-uitleg').textContent = t('ui-kies-element');
  const eerste = await json('/api/toestand');
  if (eerste.ok) toon(eerste.body);
  verbind();
  $('editor').addEventListener('input', gewijzigd);
  aanvullingHandlers();
  $('bewaar').addEventListener('click', () => bewaar());
  $('pdf').addEventListener('click', maakPdf);
  $('houd-mijn').addEventListener('click', houdMijn);
  $('neem-schijf').addEventListener('click', neemSchijf);
  sleepHandlers();
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      bewaar();
    }
  });
  window.addEventListener('beforeunload', (e) => {
    if (vuil()) { e.preventDefault(); e.returnValue = t('ui-vertrek'); }
  });
}

// A browser opens at most six connections to one address, and every open
// studio tab holds one for its events: a hidden tab lets go of its own, and
// takes it again when shown (the first event is the state of now).
let bron = null;

function verbind() {
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) {
      bron?.close();
      bron = null;
    } else if (!bron) {
      luister();
    }
  });
  luister();
}

function luister() {
  bron = new EventSource('/api/gebeurtenissen');
  bron.addEventListener('toestand', (e) => toon(JSON.parse(e.data)));
  bron.addEventListener('bezig', (e) => zetBezig(e.data === 'true'));
  bron.onopen = () => $('status').classList.remove('weg');
  bron.onerror = () => {
    $('status').textContent = t('ui-verbinding-weg');
    $('status').classList.add('weg');
  };
}

function zetBezig(bezig) {
  const s = $('status');
  s.classList.toggle('bezig', bezig);
  if (bezig) s.textContent = t('ui-bezig');
  else if (toestand) toonStatus(toestand);
}

function toonStatus(s) {
  const st = $('status');
  if (!s.paginas.length) st.textContent = t('ui-geen-voorbeeld');
  else if (s.verouderd) st.textContent = t('ui-verouderd');
  else st.textContent = t('ui-actueel');
  st.title = s.melding || '';
  st.dataset.versie = s.versie;
}

function toon(s) {
  toestand = s;
  pdfNaWijziging(s);
  $('document').textContent = s.document;
  toonStatus(s);
  const g = $('gereed');
  g.textContent = s.melding ? s.melding : s.gereed_tekst;
  g.title = g.textContent;
  g.className = 'gereed ' + (s.gereed ? 'ja' : 'nee');
  toonBoom(s);
  toonMeldingen(s);
  toonPaginas(s.paginas);
  // A text changed on disk (the writer's own editor) while open and saved here: reload it.
  if (open.id && !vuil() && !open.bezig && !open.conflict) herlaad(open.id);
}

// ---- The structure tree ----------------------------------------------------

function knoopKnop(k) {
  const knop = el('button', {
    type: 'button',
    class: `knoop ${k.soort}${k.bewerkbaar ? '' : ' zonder-tekst'}`,
    'data-id': k.id,
    'data-soort': k.soort,
  }, el('span', { class: 'titel', text: k.titel }));
  if (k.fouten) knop.append(el('span', { class: 'teller fout', title: t('ui-fouten'), text: String(k.fouten) }));
  if (k.waarschuwingen) {
    knop.append(el('span', { class: 'teller waarschuwing', title: t('ui-waarschuwingen'), text: String(k.waarschuwingen) }));
  }
  if (k.id === gekozen) knop.setAttribute('aria-current', 'true');
  knop.addEventListener('click', () => kies(k.id));
  return knop;
}

function lijst(knopen) {
  const ul = el('ul');
  for (const k of knopen) {
    const li = el('li', {}, knoopKnop(k));
    if (k.kinderen.length) li.append(lijst(k.kinderen));
    ul.append(li);
  }
  return ul;
}

function toonBoom(s) {
  const boom = el('div', { class: 'boom' },
    el('h3', { text: t('ui-algemeen') }), lijst(s.algemeen),
    el('h3', { text: t('ui-beleidsvelden') }), lijst(s.structuur));
  $('boom').replaceChildren(boom);
}

function vind(id, knopen = [...(toestand?.algemeen || []), ...(toestand?.structuur || [])]) {
  for (const k of knopen) {
    if (k.id === id && (k.bewerkbaar || !k.kinderen.some((c) => c.id === id))) return k;
    const d = vind(id, k.kinderen);
    if (d) return d;
  }
  return null;
}

// ---- Choosing an element ------------------------------------------------------

async function kies(id, { regel = null, kolom = null, scroll = true } = {}) {
  if (open.id && open.id !== id && vuil()) {
    const gelukt = await bewaar();
    if (!gelukt) return;
  }
  gekozen = id;
  for (const k of document.querySelectorAll('.knoop')) {
    if (k.dataset.id === id) {
      k.setAttribute('aria-current', 'true');
      // Chosen in the preview or a diagnostic: show it in the tree too.
      k.scrollIntoView({ block: 'nearest' });
    } else k.removeAttribute('aria-current');
  }
  const knoop = vind(id);
  if (knoop && knoop.bewerkbaar) {
    if (open.id !== id) await laad(id);
    if (regel) zetCursor(regel, kolom || 1);
  } else {
    sluitEditor(knoop && knoop.soort === 'werkboek' ? t('ui-werkboek-uitleg') : t('ui-geen-tekst'), knoop?.titel);
  }
  $('werkboek').hidden = !(knoop && knoop.soort === 'werkboek');
  if (scroll) scrollNaar(id);
}

// No text to edit: the pane says why, under the chosen element's name.
function sluitEditor(uitleg, titel) {
  open.id = null;
  open.conflict = null;
  $('editor').hidden = true;
  $('conflict').hidden = true;
  $('bewaar').hidden = true;
  $('bestand').textContent = '';
  $('bewaarstand').textContent = '';
  $('tekst-kop').textContent = titel || t('ui-tekst');
  $('tekst-uitleg').textContent = uitleg;
  $('tekst-uitleg').hidden = false;
}

async function laad(id) {
  const r = await json(`/api/tekst/${encodeURIComponent(id)}`);
  if (!r.ok) {
    sluitEditor(r.body?.melding || String(r.status));
    return;
  }
  const knoop = vind(id);
  open.id = id;
  open.versie = r.body.versie;
  open.bewaard = lf(r.body.markdown);
  open.bestaat = r.body.bestaat;
  open.conflict = null;
  const ed = $('editor');
  ed.value = open.bewaard;
  ed.hidden = false;
  $('bewaar').hidden = false;
  $('werkboek').hidden = true;
  ed.setAttribute('aria-label', knoop ? knoop.titel : id);
  $('conflict').hidden = true;
  $('bestand').textContent = r.body.bestand;
  $('tekst-kop').textContent = knoop ? knoop.titel : id;
  $('tekst-uitleg').hidden = !!r.body.bestaat;
  $('tekst-uitleg').textContent = r.body.bestaat ? '' : t('ui-nieuw-bestand');
  toonBewaarstand();
}

// The open text changed on disk: take it, if nothing is unsaved here.
async function herlaad(id) {
  const bewaringen = open.bewaringen;
  const r = await json(`/api/tekst/${encodeURIComponent(id)}`);
  if (!r.ok || open.id !== id || vuil() || r.body.versie === open.versie) return;
  // A save started or ended meanwhile: this answer may be older than it.
  if (open.bezig || open.bewaringen !== bewaringen) return;
  const ed = $('editor');
  const [a, b] = [ed.selectionStart, ed.selectionEnd];
  ed.value = lf(r.body.markdown);
  ed.setSelectionRange(Math.min(a, ed.value.length), Math.min(b, ed.value.length));
  open.versie = r.body.versie;
  open.bewaard = ed.value;
  open.bestaat = r.body.bestaat;
  toonBewaarstand();
}

function zetCursor(regel, kolom) {
  const ed = $('editor');
  const regels = ed.value.split('\n');
  let pos = 0;
  for (let i = 0; i < Math.min(regel - 1, regels.length); i++) pos += regels[i].length + 1;
  pos += Math.max(0, Math.min(kolom - 1, (regels[regel - 1] || '').length));
  ed.focus();
  ed.setSelectionRange(pos, pos);
  // Bring the line into view: the share of lines above it.
  ed.scrollTop = Math.max(0, (regel - 3) / Math.max(1, regels.length) * ed.scrollHeight);
}

// ---- Completion of live figures ---------------------------------------------
// Inside `{{ … }}`: the functions, the ids each takes (articles, ISEs,
// elements), the fields of the id written, and the filters; from the
// document the studio last read (/api/aanvulling).

const FUNCTIES = ['artikel', 'ise', 'verwijzing'];
const MAX_SUGGESTIES = 60;
let aanvullingData = { versie: -1, data: null };
// The list shown: its items, the chosen one, and the text they replace.
const suggesties = { items: [], actief: 0, van: 0, tot: 0 };

async function aanvullingGegevens() {
  const versie = toestand ? toestand.versie : 0;
  if (aanvullingData.versie !== versie) {
    const r = await json('/api/aanvulling');
    if (r.ok) aanvullingData = { versie, data: r.body };
  }
  return aanvullingData.data;
}

// What can be written at the caret: { van, items: [{ invoegen, label, uitleg }] } or null.
function mogelijkheden(voor, data) {
  const begin = voor.lastIndexOf('{{');
  if (begin < 0 || voor.indexOf('}}', begin) >= 0) return null;
  const expr = voor.slice(begin + 2);
  const eind = voor.length;
  const functie = (naam) => data.functies.find((f) => f.naam === naam);
  const bevat = (tekst, deel) => tekst.toLowerCase().includes(deel.toLowerCase());
  let m = expr.match(/\|\s*([A-Za-z_]*)$/);
  if (m) {
    const items = data.filters.filter((f) => f.startsWith(m[1]))
      .map((f) => ({ invoegen: f, label: f, uitleg: t(`ui-aanvulling-filter-${f}`) }));
    return { van: eind - m[1].length, items };
  }
  m = expr.match(/\b(artikel|ise|verwijzing)\(\s*"([^"]*)$/);
  if (m) {
    const f = functie(m[1]);
    const items = (f ? f.keuzes : []).filter((k) => bevat(k.id, m[2]) || bevat(k.titel, m[2]))
      .map((k) => ({ invoegen: `${k.id}")`, label: k.id, uitleg: k.titel }));
    return { van: eind - m[2].length, items };
  }
  m = expr.match(/\b(artikel|ise)\(\s*"([^"]+)"\s*\)((?:\.[A-Za-z0-9_]+)*)\.([A-Za-z0-9_]*)$/);
  if (m) {
    const f = functie(m[1]);
    const keuze = f && f.keuzes.find((k) => k.id === m[2]);
    const pad = m[3] ? `${m[3].slice(1)}.` : '';
    const items = (keuze ? keuze.velden : []).filter((v) => v.pad.startsWith(pad + m[4]))
      .map((v) => ({ invoegen: v.pad.slice(pad.length), label: v.pad.slice(pad.length), uitleg: v.waarde }));
    return { van: eind - m[4].length, items };
  }
  m = expr.match(/^\s*([a-z]*)$/);
  if (m) {
    const items = FUNCTIES.filter((f) => f.startsWith(m[1]))
      .map((f) => ({ invoegen: `${f}("`, label: `${f}("…")`, uitleg: t(`ui-aanvulling-functie-${f}`) }));
    return { van: eind - m[1].length, items };
  }
  return null;
}

async function werkAanvullingBij() {
  const ed = $('editor');
  if (ed.hidden || ed.selectionStart !== ed.selectionEnd) return sluitAanvulling();
  const voor = ed.value.slice(0, ed.selectionStart);
  if (!/\{\{[^}]*$/.test(voor)) return sluitAanvulling();
  const data = await aanvullingGegevens();
  // The caret may have moved (or left the editor) while the data came.
  if (!data || ed.value.slice(0, ed.selectionStart) !== voor || document.activeElement !== ed || ed.hidden) return;
  const m = mogelijkheden(voor, data);
  if (!m || m.items.length === 0) return sluitAanvulling();
  suggesties.items = m.items.slice(0, MAX_SUGGESTIES);
  suggesties.actief = 0;
  suggesties.van = m.van;
  suggesties.tot = voor.length;
  toonAanvulling();
}

function toonAanvulling() {
  const lijst = $('aanvulling');
  lijst.setAttribute('aria-label', t('ui-aanvulling'));
  lijst.replaceChildren(...suggesties.items.map((s, i) => {
    const li = el('li', { id: `suggestie-${i}`, role: 'option', 'aria-selected': String(i === suggesties.actief) },
      el('span', { class: 'id', text: s.label }), el('span', { class: 'uitleg', text: s.uitleg || '' }));
    // Keep the focus in the editor.
    li.addEventListener('mousedown', (e) => { e.preventDefault(); suggesties.actief = i; neemAanvulling(); });
    return li;
  }));
  const ed = $('editor');
  const plek = caretPlek(ed);
  lijst.style.left = `${Math.min(plek.x, window.innerWidth - 320)}px`;
  lijst.style.top = `${plek.y}px`;
  lijst.hidden = false;
  ed.setAttribute('aria-activedescendant', `suggestie-${suggesties.actief}`);
  $(`suggestie-${suggesties.actief}`)?.scrollIntoView({ block: 'nearest' });
  // Said aloud too: not every screen reader follows the list from a textarea.
  const s = suggesties.items[suggesties.actief];
  $('aanvulling-stem').textContent = `${suggesties.items.length} ${t('ui-aanvulling')}: ${s.label} ${s.uitleg || ''}`;
}

function sluitAanvulling() {
  if ($('aanvulling').hidden) return;
  $('aanvulling').hidden = true;
  $('aanvulling-stem').textContent = '';
  suggesties.items = [];
  $('editor').removeAttribute('aria-activedescendant');
}

// Replaces what was typed of the name with the chosen one; the editor's
// undo keeps working (insertText), and its input event saves as typing does.
function neemAanvulling() {
  const s = suggesties.items[suggesties.actief];
  if (!s) return;
  const ed = $('editor');
  let invoegen = s.invoegen;
  // `")` is there already (an id retyped inside a finished call).
  if (invoegen.endsWith('")') && ed.value.slice(suggesties.tot).startsWith('")')) invoegen = invoegen.slice(0, -2);
  ed.focus();
  ed.setSelectionRange(suggesties.van, suggesties.tot);
  if (!document.execCommand('insertText', false, invoegen)) {
    ed.setRangeText(invoegen, suggesties.van, suggesties.tot, 'end');
    ed.dispatchEvent(new Event('input'));
  }
  sluitAanvulling();
  // A function's name chosen: its ids next.
  if (invoegen.endsWith('("')) werkAanvullingBij();
}

// Where the caret stands on the screen: a copy of the textarea's text up to
// it, in a hidden box with the textarea's font and width.
function caretPlek(ed) {
  const stijl = getComputedStyle(ed);
  const spiegel = el('div');
  for (const p of ['font', 'lineHeight', 'padding', 'border', 'boxSizing', 'letterSpacing', 'tabSize']) spiegel.style[p] = stijl[p];
  Object.assign(spiegel.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre-wrap', overflowWrap: 'break-word', width: `${ed.clientWidth}px`, top: '0', left: '-9999px' });
  spiegel.textContent = ed.value.slice(0, ed.selectionStart);
  const merk = el('span', { text: '\u200b' });
  spiegel.append(merk);
  document.body.append(spiegel);
  const r = ed.getBoundingClientRect();
  const x = r.left + merk.offsetLeft - ed.scrollLeft;
  const y = r.top + merk.offsetTop - ed.scrollTop + merk.offsetHeight + 2;
  spiegel.remove();
  return { x, y: Math.min(Math.max(y, r.top), r.bottom) };
}

function aanvullingHandlers() {
  const ed = $('editor');
  ed.addEventListener('input', werkAanvullingBij);
  ed.addEventListener('blur', sluitAanvulling);
  // The editor scrolls to keep the caret in view: the list follows.
  ed.addEventListener('scroll', () => { if (!$('aanvulling').hidden) toonAanvulling(); });
  ed.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    // The caret moved away since the list was made (a click, Home, ←): the list is stale.
    if (!$('aanvulling').hidden && (ed.selectionStart !== suggesties.tot || ed.selectionEnd !== suggesties.tot)) sluitAanvulling();
    if ($('aanvulling').hidden) {
      // Ctrl-Space: ask for the suggestions.
      if (e.ctrlKey && e.key === ' ') { e.preventDefault(); werkAanvullingBij(); }
      return;
    }
    const n = suggesties.items.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      suggesties.actief = (suggesties.actief + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      toonAanvulling();
    } else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      neemAanvulling();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      sluitAanvulling();
    }
  });
}

// ---- Saving -----------------------------------------------------------------

function vuil() { return open.id !== null && $('editor').value !== open.bewaard; }

function toonBewaarstand() {
  const s = $('bewaarstand');
  const v = vuil();
  s.textContent = open.bezig ? t('ui-bewaren') : v ? t('ui-niet-bewaard') : t('ui-bewaard');
  s.classList.toggle('vuil', v);
  $('bewaar').disabled = !v || open.bezig || !!open.conflict;
}

function gewijzigd() {
  toonBewaarstand();
  clearTimeout(bewaarTimer);
  if (!open.conflict) bewaarTimer = setTimeout(() => bewaar(), AUTOBEWAREN_MS);
}

// Saves the open text; true when it is saved (or nothing was to save).
async function bewaar(basis = null) {
  clearTimeout(bewaarTimer);
  if (!open.id || open.bezig || (open.conflict && basis === null)) return !vuil();
  if (!vuil() && basis === null) return true;
  const id = open.id;
  const markdown = $('editor').value;
  open.bezig = true;
  toonBewaarstand();
  let r;
  try {
    r = await json(`/api/tekst/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ markdown, basis: basis ?? open.versie }),
    });
  } finally {
    open.bezig = false;
    open.bewaringen += 1;
  }
  if (open.id !== id) return false;
  if (r.ok) {
    open.versie = r.body.versie;
    open.bewaard = markdown;
    open.bestaat = true;
    open.conflict = null;
    $('conflict').hidden = true;
    $('tekst-uitleg').hidden = true;
    toonBewaarstand();
    if (vuil()) gewijzigd();
    return true;
  }
  if (r.status === 409) {
    open.conflict = r.body.schijf;
    $('conflict-mijn').value = $('editor').value;
    $('conflict-schijf').value = lf(r.body.schijf.markdown);
    $('conflict').hidden = false;
    toonBewaarstand();
    return false;
  }
  $('bewaarstand').textContent = `${t('ui-bewaren-mislukt')} ${r.body?.melding || r.status}`;
  return false;
}

async function houdMijn() {
  if (!open.conflict) return;
  const basis = open.conflict.versie;
  open.conflict = null;
  await bewaar(basis);
}

function neemSchijf() {
  if (!open.conflict) return;
  // The writer's own version goes: only when she says so.
  if (!window.confirm(t('ui-neem-schijf-zeker'))) return;
  $('editor').value = lf(open.conflict.markdown);
  open.versie = open.conflict.versie;
  open.bewaard = $('editor').value;
  open.conflict = null;
  $('conflict').hidden = true;
  toonBewaarstand();
}

// ---- Diagnostics ----------------------------------------------------------------

function plaats(d) {
  if (!d.file) return '';
  if (d.cell) return `${d.file} (${d.sheet}!${d.cell})`;
  if (d.line) return `${d.file}, ${t('ui-regel')} ${d.line}, ${t('ui-kolom')} ${d.column}`;
  return d.file;
}

function toonMeldingen(s) {
  $('samenvatting').textContent = s.samenvatting;
  const ul = $('meldingen');
  if (!s.diagnosen.length) {
    ul.replaceChildren(el('li', { class: 'hint', text: t('ui-geen-meldingen') }));
    return;
  }
  const ernst = { error: t('ui-fout'), warning: t('ui-waarschuwing'), info: t('ui-opmerking') };
  ul.replaceChildren(...s.diagnosen.map((d) => {
    const tekst = el('span', {}, el('span', { text: d.message }));
    const p = plaats(d);
    if (p) tekst.append(el('br'), el('span', { class: 'plaats', text: p }));
    for (const h of d.hints || []) tekst.append(el('br'), el('span', { class: 'hint', text: `${t('ui-hulp')}: ${h}` }));
    if (d.rooster) tekst.append(rooster(d.rooster));
    const knop = el('button', { type: 'button', 'data-code': d.code, 'data-element': d.element || '' },
      el('span', { class: `ernst ${d.severity}`, text: ernst[d.severity] || d.severity }),
      el('span', { class: 'code', text: d.code }),
      tekst);
    // The cursor goes to the line only for a diagnostic in the text itself
    // (not one at the element's line in bbt.yaml).
    const inTekst = d.line && d.file && d.file.endsWith('.md');
    if (d.element) knop.addEventListener('click', () => kies(d.element, inTekst ? { regel: d.line, kolom: d.column } : {}));
    return el('li', {}, knop);
  }));
}

// ---- The preview ------------------------------------------------------------------

function maakPagina(p) {
  const img = el('img', { src: `/api/pagina/${p.hash}/svg`, width: String(p.breedte), height: String(p.hoogte), alt: '' });
  const laag = el('div', { class: 'tekstlaag' });
  const div = el('div', { class: 'pagina', 'data-hash': p.hash }, img, laag);
  div.addEventListener('click', (e) => klikInPagina(div, e));
  observer.observe(div);
  return div;
}

function toonPaginas(lijst) {
  const box = $('paginas');
  if (!lijst.length) {
    box.replaceChildren(el('p', { class: 'leeg', text: t('ui-geen-voorbeeld') }));
    paginaPool = new Map();
    return;
  }
  const nieuw = new Map();
  const kinderen = lijst.map((p, i) => {
    const oud = paginaPool.get(p.hash);
    let div = oud && oud.length ? oud.shift() : maakPagina(p);
    if (!nieuw.has(p.hash)) nieuw.set(p.hash, []);
    div.dataset.index = String(i);
    div.dataset.breedte = String(p.breedte);
    div.dataset.hoogte = String(p.hoogte);
    div.querySelector('img').alt = `${t('ui-pagina')} ${i + 1}`;
    nieuw.get(p.hash).push(div);
    return div;
  });
  for (const rest of paginaPool.values()) for (const d of rest) observer.unobserve(d);
  // Reuse in place: only new pages enter the document.
  box.replaceChildren(...kinderen);
  paginaPool = nieuw;
}

// A page came near the view: fetch its text layer once.
function zichtbaar(entries) {
  for (const e of entries) if (e.isIntersecting) tekstlaag(e.target);
}

// A page's text layer, fetched once (the promise of the fetch under way).
function tekstlaag(div) {
  if (!div.laden) {
    div.dataset.tekst = 'bezig';
    div.laden = json(`/api/pagina/${div.dataset.hash}/tekst`).then((r) => {
      if (!r.ok) { delete div.dataset.tekst; div.laden = null; return; }
      const breedte = Number(div.dataset.breedte);
      const hoogte = Number(div.dataset.hoogte);
      const laag = div.querySelector('.tekstlaag');
      laag.replaceChildren(...r.body.map((regel) => {
        const s = el('span', { text: regel.tekst });
        s.style.left = `${regel.x / breedte * 100}%`;
        s.style.top = `${(regel.y - regel.grootte * 0.8) / hoogte * 100}%`;
        s.style.setProperty('--g', String(regel.grootte / breedte));
        return s;
      }));
      div.dataset.tekst = 'klaar';
    });
  }
  return div.laden;
}

function klikInPagina(div, e) {
  if (window.getSelection().toString()) return; // selecting text, not choosing
  const r = div.getBoundingClientRect();
  const index = Number(div.dataset.index);
  const y = (e.clientY - r.top) / r.height * Number(div.dataset.hoogte);
  let gevonden = null;
  for (const a of toestand.ankers) {
    if (a.pagina < index || (a.pagina === index && a.y <= y + 2)) gevonden = a;
    else break;
  }
  // Not every part of the document is an element (the appendix of changes to
  // the structure).
  if (!gevonden || !gevonden.element) return;
  // An article's tables: its row in the workbook, where their figures come from.
  if (gevonden.artikel) {
    toonArtikel(gevonden.artikel);
    return;
  }
  // The line of text clicked (or nearest the click on its height): found in
  // the element's Markdown, it puts the cursor on its source line.
  const punt = { clientX: e.clientX, clientY: e.clientY };
  Promise.all([tekstlaag(div), kies(gevonden.element, { scroll: false })]).then(() => {
    const regel = regelBij(div, punt);
    if (!regel || open.id !== gevonden.element) return;
    const plek = zoekInTekst($('editor').value, regel.textContent);
    if (plek < 0) return;
    const voor = $('editor').value.slice(0, plek).split('\n');
    zetCursor(voor.length, voor[voor.length - 1].length + 1);
  });
}

// The preview's line of text under the click, or the nearest: first on the
// height (within about a line: a click between two rows of a table, or in
// the gap between lines), then across.
function regelBij(div, e) {
  let beste = null;
  let afstand = Infinity;
  for (const s of div.querySelectorAll('.tekstlaag span')) {
    const r = s.getBoundingClientRect();
    const dy = e.clientY < r.top ? r.top - e.clientY : e.clientY > r.bottom ? e.clientY - r.bottom : 0;
    if (dy > r.height) continue;
    const dx = e.clientX < r.left ? r.left - e.clientX : e.clientX > r.right ? e.clientX - r.right : 0;
    const d = dy * 100 + dx;
    if (d < afstand) { beste = s; afstand = d; }
  }
  return beste;
}

// Where a line of the preview stands in a Markdown text: the whole line, else
// its first or last words (a live figure, a hyphen or emphasis changes the
// rest); -1 when not found (a title, a budget table: not from the text).
function zoekInTekst(markdown, tekst) {
  const woorden = tekst.replace(/[-\u00ad]$/, '').split(/\s+/).filter(Boolean);
  // The whole line wherever it is (if it has three words or more); a part of
  // it, or a short line, only where it is the only one
  // (`van de`, `Totaal` are everywhere: no line rather than a wrong one).
  const pogingen = [[woorden, woorden.length < 3], [woorden.slice(0, 4), true], [woorden.slice(-4), true], [woorden.slice(0, 2), true], [woorden.slice(-2), true]];
  for (const [w, enig] of pogingen) {
    if (!w.length) continue;
    const patroon = w.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
    const gevonden = [...markdown.matchAll(new RegExp(patroon, 'g'))];
    if (gevonden.length && (!enig || gevonden.length === 1)) return gevonden[0].index;
  }
  return -1;
}

function scrollNaar(id) {
  const a = toestand?.ankers.find((x) => x.element === id && x.soort === 'kop');
  if (!a) return;
  const div = $('paginas').children[a.pagina];
  if (!div) return;
  const y = div.offsetTop + a.y / Number(div.dataset.hoogte) * div.clientHeight;
  const box = $('paginas').parentElement;
  box.scrollTo({ top: Math.max(0, y - 24 - box.offsetTop), behavior: 'smooth' });
  for (const m of document.querySelectorAll('.markering')) m.remove();
  const m = el('div', { class: 'markering' });
  m.style.top = `${a.y / Number(div.dataset.hoogte) * 100}%`;
  div.append(m);
  setTimeout(() => m.remove(), 2500);
}

// ---- The workbook ------------------------------------------------------------------

// An article's row of the workbook, after a click on its tables: in a box of
// its own (a dropped workbook's check stays), the last click's answer only.
let artikelVraag = 0;
async function toonArtikel(code) {
  const vraag = ++artikelVraag;
  await kies('werkboek', { scroll: false });
  const box = $('artikel-rij');
  const r = await json(`/api/werkboek/artikel/${encodeURIComponent(code)}`);
  if (vraag !== artikelVraag) return;
  box.scrollIntoView({ block: 'nearest' });
  if (!r.ok) {
    box.replaceChildren(el('p', { class: 'ernst error', text: r.body?.melding || String(r.status) }));
    return;
  }
  box.replaceChildren(el('div', { class: 'controle', id: 'artikelrij' },
    el('h3', { text: `${t('ui-artikel-in-werkboek')} ${code}` }),
    el('p', { class: 'plaats', text: `${r.body.bestand} (${r.body.rooster.blad}!${r.body.cel})` }),
    el('p', { class: 'uitleg', text: t('ui-artikel-uitleg') }),
    rooster(r.body.rooster, 'gekozen')));
}

// A window of a sheet around a cell: a diagnostic's (marked as wrong), or an
// article's code cell (`gekozen`: its whole row marked as chosen).
function rooster(r, soort = 'doel') {
  const eerste = r.eerste;
  const tabel = el('table', { class: 'rooster' });
  tabel.append(el('caption', { class: 'verborgen', text: `${r.blad}!${r.kolommen[r.kolom - eerste]}${r.rij + 1}` }));
  const kop = el('tr', {}, el('th', { text: '' }));
  for (const k of r.kolommen) kop.append(el('th', { scope: 'col', text: k }));
  tabel.append(kop);
  if (r.kop) {
    const [nummer, waarden] = r.kop;
    const tr = el('tr', { class: 'koprij' }, el('th', { scope: 'row', text: String(nummer) }));
    for (const v of waarden) tr.append(el('td', { text: v, title: v }));
    tabel.append(tr);
  }
  for (const [nummer, waarden] of r.rijen) {
    const tr = el('tr', { class: soort === 'gekozen' && nummer === r.rij + 1 ? 'gekozen-rij' : '' },
      el('th', { scope: 'row', text: String(nummer) }));
    waarden.forEach((v, i) => {
      const td = el('td', { text: v, title: v });
      if (nummer === r.rij + 1 && eerste + i === r.kolom) td.className = soort;
      tr.append(td);
    });
    tabel.append(tr);
  }
  return tabel;
}

async function controleerWerkboek(bestand) {
  await kies('werkboek');
  const box = $('werkboek-controle');
  box.replaceChildren(el('p', { text: t('ui-werkboek-bezig') }));
  const r = await json(`/api/werkboek?naam=${encodeURIComponent(bestand.name)}`, { method: 'POST', body: bestand });
  if (!r.ok) {
    box.replaceChildren(el('p', { class: 'ernst error', text: r.body?.melding || String(r.status) }));
    return;
  }
  const c = r.body;
  const lijst = el('ul');
  for (const d of c.diagnosen) {
    const item = el('li', {},
      el('span', { class: `ernst ${d.severity}`, text: `${{ error: t('ui-fout'), warning: t('ui-waarschuwing'), info: t('ui-opmerking') }[d.severity] || d.severity} ` }),
      el('span', { class: 'code', text: `${d.code} ` }), el('span', { text: d.message }));
    const p = plaats(d);
    if (p) item.append(el('br'), el('span', { class: 'plaats', text: p }));
    for (const h of d.hints || []) item.append(el('br'), el('span', { class: 'hint', text: `${t('ui-hulp')}: ${h}` }));
    if (d.rooster) item.append(rooster(d.rooster));
    lijst.append(item);
  }
  // A workbook with errors can be placed (the finance cell may fix it next),
  // but not by one click that looks like the safe choice.
  const fouten = c.diagnosen.filter((d) => d.severity === 'error').length;
  const plaatsKnop = el('button', {
    type: 'button', id: 'werkboek-plaatsen', class: fouten ? 'met-fouten' : '',
    text: `${t(fouten ? 'ui-werkboek-toch-plaatsen' : 'ui-werkboek-plaatsen')} ${c.doel}`,
  });
  const annuleer = el('button', { type: 'button', id: 'werkboek-annuleren', text: t('ui-werkboek-annuleren') });
  plaatsKnop.addEventListener('click', () => {
    if (fouten && !window.confirm(t('ui-werkboek-plaatsen-zeker'))) return;
    plaatsKnop.disabled = true;
    annuleer.disabled = true;
    plaatsWerkboek(c.id);
  });
  annuleer.addEventListener('click', () => box.replaceChildren(el('p', { text: t('ui-werkboek-niet-geplaatst') })));
  box.replaceChildren(el('div', { class: 'controle' },
    el('h3', { text: `${t('ui-werkboek-controle')} ${c.naam}` }),
    el('p', { class: c.gereed ? 'oordeel ja' : 'oordeel nee', text: `${c.samenvatting} ${c.gereed_tekst}` }),
    el('div', { class: 'acties' }, plaatsKnop, annuleer),
    el('p', { class: 'uitleg', text: t('ui-werkboek-vervangt') }),
    el('h3', { text: t('ui-werkboek-meldingen') }),
    c.diagnosen.length ? lijst : el('p', { text: t('ui-geen-meldingen') })));
}

async function plaatsWerkboek(id) {
  const box = $('werkboek-controle');
  const r = await json('/api/werkboek/plaatsen', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }),
  });
  if (!r.ok) {
    box.replaceChildren(el('p', { class: 'ernst error', text: r.body?.melding || String(r.status) }));
    return;
  }
  const regels = [el('p', { id: 'werkboek-geplaatst', text: `${t('ui-werkboek-geplaatst')} ${r.body.bestand}` })];
  if (r.body.backups.length) regels.push(el('p', { class: 'uitleg', text: `${t('ui-werkboek-backup')} ${r.body.backups.join(', ')}` }));
  box.replaceChildren(...regels);
}

function sleepHandlers() {
  let diepte = 0;
  const heeftBestand = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!heeftBestand(e)) return;
    diepte++;
    $('sleepzone').hidden = false;
  });
  document.addEventListener('dragleave', (e) => {
    if (!heeftBestand(e)) return;
    if (--diepte <= 0) { diepte = 0; $('sleepzone').hidden = true; }
  });
  document.addEventListener('dragover', (e) => { if (heeftBestand(e)) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    if (!heeftBestand(e)) return;
    e.preventDefault();
    diepte = 0;
    $('sleepzone').hidden = true;
    const bestand = e.dataTransfer.files[0];
    if (bestand) controleerWerkboek(bestand);
  });
  $('werkboek-bestand').addEventListener('change', (e) => {
    const bestand = e.target.files[0];
    if (bestand) controleerWerkboek(bestand);
    e.target.value = '';
  });
}

// ---- The PDF ------------------------------------------------------------------------

async function maakPdf() {
  if (vuil() && !(await bewaar())) return;
  const knop = $('pdf');
  const uit = $('pdf-uitkomst');
  knop.disabled = true;
  uit.textContent = t('ui-pdf-bezig');
  const r = await json('/api/pdf', { method: 'POST' });
  knop.disabled = false;
  uit.className = '';
  pdfVersie = toestand?.versie ?? 0;
  pdfGelukt = !!(r.ok && r.body.gelukt);
  uit.title = '';
  if (pdfGelukt) {
    const a = el('a', { href: '/api/pdf', target: '_blank', rel: 'noopener', text: t('ui-pdf-openen') });
    uit.replaceChildren(`${t('ui-pdf-gemaakt')} ${r.body.bestand} `, a);
    if (r.body.map) uit.title = `${t('ui-pdf-in-map')} ${r.body.map}`;
  } else {
    uit.textContent = r.body?.melding || String(r.status);
  }
}

// After a change the PDF's message is history: a refusal goes (its errors
// are in the diagnostics, and fixed or not it no longer holds), a PDF made
// is marked as made before the change.
function pdfNaWijziging(s) {
  if (pdfVersie === null || s.versie <= pdfVersie) return;
  const uit = $('pdf-uitkomst');
  if (!pdfGelukt) uit.replaceChildren();
  else if (!uit.classList.contains('verouderd')) {
    uit.classList.add('verouderd');
    uit.append(` ${t('ui-pdf-ouder')}`);
  }
  pdfVersie = null;
}

start();
