/**
 * Schema issues (zod's) in Swedish: the app shows a Swedish user Swedish text all the way down,
 * not the library's English. zod's own issue codes are worded here from their parameters; our
 * schemas' own rules (custom issues, written in English in src/core/model) by a table of their
 * patterns. A message neither knows keeps its English text after a Swedish lead-in, so nothing is
 * hidden. The English line stays zod's (the CLI's output and its tests).
 */
const TYPES: Record<string, string> = {
  object: 'ett objekt',
  array: 'en lista',
  string: 'en text',
  number: 'ett tal',
  boolean: 'sant eller falskt',
  undefined: 'ingenting',
  null: 'null',
  int: 'ett heltal',
  nan: 'NaN',
};
const typeSv = (t: unknown) => TYPES[String(t)] ?? String(t);

/** Our schemas' custom messages, English pattern → Swedish. */
const CUSTOM: [RegExp, (...m: string[]) => string][] = [
  [/^duplicate (variable|value|group) (id|key) "(.*)"$/, (_, what, field, id) => `${what === 'variable' ? 'variabelns' : what === 'value' ? 'värdets' : 'gruppens'} ${field === 'id' ? 'id' : 'nyckel'} "${id}" finns redan`],
  [/^duplicate id "(.*)"$/, (_, id) => `id "${id}" finns redan`],
  [/^unknown group "(.*)"$/, (_, id) => `okänd grupp "${id}"`],
  [/^unknown variable "(.*)"$/, (_, id) => `okänd variabel "${id}"`],
  [/^at most one value may be the "absent" value$/, () => 'högst ett värde kan vara "saknas"-värdet'],
  [/^a (single|multi) variable needs at least two values$/, () => 'variabeln behöver minst två värden'],
  [/^every value of an? (interval|ratio) variable needs a numeric score$/, (_, l) => `varje värde i en ${l === 'interval' ? 'intervall' : 'kvot'}variabel behöver en poäng (ett tal)`],
  [/^only single variables can be derived$/, () => 'bara variabler med ett värde kan räknas fram'],
  [/^"(.*)" is not a value of this variable$/, (_, id) => `"${id}" är inte ett värde i den här variabeln`],
  [/^"(.*)" is not a value of variable "(.*)"$/, (_, id, v) => `"${id}" är inte ett värde i variabeln "${v}"`],
  [/^a derived variable cannot depend on itself$/, () => 'en framräknad variabel kan inte bero på sig själv'],
  [/^derived variables form a cycle: (.*)$/, (_, c) => `framräknade variabler bildar en cirkel: ${c}`],
  [/^a derived rule needs at least one component$/, () => 'en regel för framräkning behöver minst en del'],
  [/^anchor example must not be empty$/, () => 'ett ankarexempel får inte vara tomt'],
  [/^a value may appear only once$/, () => 'ett värde får bara förekomma en gång'],
  [/^belongs to another project$/, () => 'hör till ett annat projekt'],
  [/^belongs to another coder$/, () => 'hör till en annan kodare'],
  [/^(content|file) of an unknown document$/, (_, w) => `${w === 'content' ? 'text' : 'fil'} till ett okänt dokument`],
  [/^twin of an unknown document$/, () => 'tvilling till ett okänt dokument'],
  [/^twin of a document that is not in the package$/, () => 'tvilling till ett dokument som inte finns i paketet'],
  [/^a passage must end after it starts \(end > start\)$/, () => 'en markering måste sluta efter att den börjar (end > start)'],
  [/^the quote must be exactly as long as the position range$/, () => 'citatet måste vara exakt lika långt som positionsintervallet'],
  [/^page starts must be ascending and within the text$/, () => 'sidornas början måste vara stigande och inom texten'],
  [/^the first page starts at offset 0$/, () => 'första sidan börjar vid position 0'],
  [/^a published version has a publishedAt time and a draft has none$/, () => 'en publicerad version har en publiceringstid (publishedAt), ett utkast ingen'],
  [/^a document is assigned twice$/, () => 'ett dokument är tilldelat två gånger'],
  [/^a package is assigned to a human coder$/, () => 'ett paket tilldelas en mänsklig kodare'],
  [/^consensus judgements are made by the lead, not in a coder file$/, () => 'konsensusbedömningar görs av projektledaren, inte i en kodares fil'],
  [/^is a version of another codebook$/, () => 'är en version av en annan kodbok'],
  [/^must be the consensus coder$/, () => 'måste vara konsensuskodaren'],
  [/^must differ from the coder$/, () => 'måste vara en annan än kodaren'],
  [/^only a published version can be sent to coders$/, () => 'bara en publicerad version kan skickas till kodare'],
  [/^the assignment is for another coder$/, () => 'tilldelningen gäller en annan kodare'],
  [/^"(.*)" has no file in the package$/, (_, f) => `"${f}" har ingen fil i paketet`],
  [/^"(.*)" has no text content in the package$/, (_, f) => `"${f}" har ingen text i paketet`],
  [/^a second judgement of variable "(.*)" on document "(.*)"$/, (_, v, d) => `en andra bedömning av variabeln "${v}" i dokumentet "${d}"`],
  [/^a second memo on document "(.*)"$/, (_, d) => `ett andra memo för dokumentet "${d}"`],
  [/^codebook version "(.*)" is not listed in the file$/, (_, v) => `kodboksversionen "${v}" finns inte med i filen`],
  [/^document "(.*)" is not (in the package|listed in the file|assigned)$/, (_, d, w) => `dokumentet "${d}" ${w === 'assigned' ? 'är inte tilldelat' : w === 'in the package' ? 'finns inte i paketet' : 'finns inte med i filen'}`],
  [/^evidence "(.*)" is not a passage of this coder in this document$/, (_, e) => `belägget "${e}" är inte en markering av den här kodaren i det här dokumentet`],
  [/^the text of "(.*)" is not (\d+) characters long$/, (_, f, n) => `texten i "${f}" är inte ${n} tecken lång`],
  [/^id must not be empty$/, () => 'id får inte vara tomt'],
  [/^id may only contain letters, digits and _ \. : -$/, () => 'id får bara innehålla bokstäver, siffror och _ . : -'],
  [/^key must start with a letter/, () => 'nyckeln ska börja med en bokstav och bara innehålla A–Z, a–z, 0–9 och _ (högst 64)'],
  [/^text needs Swedish \(sv\) or English \(en\)$/, () => 'texten behöver svenska (sv) eller engelska (en)'],
  [/^colour must be #rrggbb$/, () => 'färgen ska skrivas #rrggbb'],
];

/** One issue's message in Swedish. */
export function issueTextSv(issue: { code?: string; message: string; [k: string]: unknown }): string {
  // Our own wording first (a schema may give zod's checks its own message).
  for (const [pattern, sv] of CUSTOM) {
    const m = pattern.exec(issue.message);
    if (m) return sv(...m);
  }
  switch (issue.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      return `fel typ: ska vara ${typeSv(issue.expected)}${received ? `, är ${typeSv(received)}` : ''}`;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = String(small ? issue.minimum : issue.maximum);
      const unit = issue.origin === 'string' ? ' tecken' : issue.origin === 'array' || issue.origin === 'set' ? ' poster' : '';
      return `${small ? 'minst' : 'högst'} ${bound}${unit}`;
    }
    case 'invalid_format':
      return `felaktigt format${issue.format && issue.format !== 'regex' ? ` (${String(issue.format)})` : ''}`;
    case 'unrecognized_keys':
      return `okända fält: ${Array.isArray(issue.keys) ? issue.keys.map((k) => `"${String(k)}"`).join(', ') : ''}`;
    case 'invalid_value':
      return Array.isArray(issue.values) ? `ska vara ${issue.values.map((v) => JSON.stringify(v)).join(' eller ')}` : 'ogiltigt värde';
    case 'invalid_union':
      return 'passar inte någon av de tillåtna formerna';
    case 'not_multiple_of':
      return `ska vara en multipel av ${String(issue.divisor)}`;
    default:
      return `regeln bryts (${issue.message})`;
  }
}
