// A REFI-QDA package becomes a new, valid Överens project: codebook, coders, documents with
// attributes, passages with memos, judgements — restored in one transaction.
import 'fake-indexeddb/auto';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupData } from '../../../src/core';
import { english } from '../../../src/formats/messages';
import { readQdpx } from '../../../src/formats/refi-qda-import';
import { qdpxToBackup } from '../../../src/formats/refi-qda-to-project';
import { createStore, openDatabase, type Store } from '../../../src/store';

const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const text = 'Personer som vårdas enligt LVM omfattas.';
const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Importerat">
  <Users><User guid="${G(1)}" name="Anna"/><User guid="${G(2)}" name="Konsensus"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="LVM" isCodable="true"><Code guid="${G(11)}" name="Ja" isCodable="true"/><Code guid="${G(12)}" name="Nej" isCodable="true"/></Code>
    <Code guid="${G(13)}" name="Fritt" isCodable="true"/>
  </Codes></CodeBook>
  <Variables><Variable guid="${G(20)}" name="level" typeOfVariable="Text"/></Variables>
  <Sources><TextSource guid="${G(30)}" name="avtal.txt" plainTextPath="internal://${G(30)}.txt">
    <PlainTextSelection guid="${G(31)}" startPosition="27" endPosition="30" creatingUser="${G(1)}">
      <Coding guid="${G(32)}"><CodeRef targetGUID="${G(11)}"/></Coding><Coding guid="${G(33)}"><CodeRef targetGUID="${G(13)}"/></Coding><Coding guid="${G(34)}"><CodeRef targetGUID="${G(99)}"/></Coding>
      <NoteRef targetGUID="${G(40)}"/>
    </PlainTextSelection>
    <Coding guid="${G(35)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(11)}"/></Coding>
    <VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>county</TextValue></VariableValue>
  </TextSource></Sources>
  <Notes><Note guid="${G(40)}"><PlainTextContent>Belägg</PlainTextContent></Note></Notes>
</Project>`;

let store: Store;
let name: string;
beforeEach(() => {
  name = `qdpx-${Math.random()}`;
  store = createStore(openDatabase(name));
});
afterEach(async () => {
  store.db.close();
  await indexedDB.deleteDatabase(name);
});

describe('REFI-QDA → project', () => {
  it('maps a package into a valid project and restores it', async () => {
    const zip = new JSZip();
    zip.file('project.qde', qde);
    zip.file(`sources/${G(30)}.txt`, text);
    const read = await readQdpx(await zip.generateAsync({ type: 'uint8array' }));
    if (!read.ok) throw new Error(english(read.problems).join('; '));
    const { data, files, problems } = await qdpxToBackup(read.project, 5);
    expect(BackupData.safeParse(data).success).toBe(true);
    expect(english(problems)).toEqual(['User "Konsensus" was renamed to "Konsensus (2)" (coder names must be unique)', `1 coding(s) refer to 1 code(s) that are not in the codebook (${G(99)}); skipped`]);
    expect(problems[0]!.sv).toBe('Användaren "Konsensus" döptes om till "Konsensus (2)" (kodarnas namn måste vara unika)');
    expect(data.codebookVersions[0]!.content.variables.map((v) => [v.label.sv, v.kind, v.values.map((x) => x.label.sv)])).toEqual([
      ['LVM', 'single', ['Ja', 'Nej']],
      ['Koder', 'thematic', ['Fritt']],
    ]);
    await store.backups.restore(data, files, { replace: false });
    const [doc] = await store.documents.list(data.project.id);
    expect(doc?.attributes).toEqual({ level: 'county' });
    const segments = await store.codings.segmentsOfDocument(doc!.id);
    expect(segments.map((s) => s.selector.quote.exact)).toEqual(['LVM', 'LVM']);
    expect(segments[0]!.memo).toBe('Belägg');
    const judgements = await store.codings.judgementsOfProject(data.project.id);
    expect(judgements).toHaveLength(1);
    // A user called "Konsensus" in the package is a human coder here; the project gets its own consensus coder.
    expect((await store.coders.list(data.project.id)).map((c) => [c.name, c.kind])).toEqual([['Anna', 'human'], ['Konsensus (2)', 'human'], ['Konsensus', 'consensus']]);
  });
});
