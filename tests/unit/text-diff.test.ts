import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONTEXT_LINES, textDiff } from '../../server/src/domain/text-diff';

const kk1 =
  'Оператор сайтқа келушілердің жеке деректерін осы саясатқа сәйкес өңдейді және оларды 30 күн сақтайды.';
const kk2 =
  'Оператор сайтқа келушілердің жеке деректерін осы саясатқа сәйкес өңдейді және оларды 90 күн сақтайды.';

describe('edition diff', () => {
  it('marks the one word that changed in a Kazakh paragraph, not the whole line', () => {
    const [line] = textDiff(kk1, kk2);
    assert.equal(line.type, 'changed');
    assert.equal(line.before, kk1);
    assert.equal(line.value, kk2);
    const changed = line.segments!.filter((s) => s.type !== 'same');
    assert.deepEqual(changed, [
      { type: 'removed', text: '30' },
      { type: 'added', text: '90' },
    ]);
    assert.equal(
      line
        .segments!.filter((s) => s.type !== 'added')
        .map((s) => s.text)
        .join(''),
      kk1,
      'the old text is the same and removed runs',
    );
  });

  it('keeps unpaired lines added or removed', () => {
    const d = textDiff('a\nb\nc', 'a\nB\nc\nd');
    assert.deepEqual(
      d.map((e) => [e.type, e.value]),
      [
        ['unchanged', 'a'],
        ['changed', 'B'],
        ['unchanged', 'c'],
        ['added', 'd'],
      ],
    );
    assert.deepEqual(
      textDiff('x\ny\nz', 'x').map((e) => e.type),
      ['unchanged', 'removed', 'removed'],
    );
  });

  it('folds long unchanged runs, keeping context around changes and the hidden lines', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const edited = [...lines];
    edited[10] = 'line ten';
    const d = textDiff(lines.join('\n'), edited.join('\n'));
    // Start: folded (nothing before needs context), then 3 lines, the change, 3 lines, fold.
    assert.deepEqual(
      d.map((e) => e.type),
      [
        'folded',
        ...Array(CONTEXT_LINES).fill('unchanged'),
        'changed',
        ...Array(CONTEXT_LINES).fill('unchanged'),
        'folded',
      ],
    );
    assert.deepEqual(d[0].lines, lines.slice(0, 10 - CONTEXT_LINES));
    assert.deepEqual(d[d.length - 1].lines, lines.slice(11 + CONTEXT_LINES));
    assert.deepEqual(
      textDiff('same\ntext', 'same\ntext').map((e) => e.type),
      ['unchanged', 'unchanged'],
      'too short to fold',
    );
    assert.deepEqual(
      textDiff(lines.join('\n'), lines.join('\n')).map((e) => e.type),
      ['folded'],
    );
  });

  it('ignores CRLF and a missing final newline', () => {
    assert.deepEqual(
      textDiff('a\r\nb\r\n', 'a\nb').map((e) => e.type),
      ['unchanged', 'unchanged'],
    );
  });
});
