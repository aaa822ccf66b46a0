import { allowedPhrases, NEVER_NAMES, PLACE_NAMES } from './allowList.js';
import { FIRST_NAMES, FIRST_NAMES_CAPITALISED, FIRST_NAMES_WORDS, SURNAMES, SURNAMES_WORDS } from './nameData.js';
import type { Candidate } from './patterns.js';

interface Lists {
  first: Set<string>;
  firstCapitalised: Set<string>;
  firstWords: Set<string>;
  surnames: Set<string>;
  surnameWords: Set<string>;
}
let lists: Lists | undefined;
/** The name lists as sets, built on the first call (the data is one string each, so loading it costs little). */
function nameLists(): Lists {
  if (!lists) {
    const set = (data: string) => new Set(data.split(' '));
    lists = {
      first: set(FIRST_NAMES),
      firstCapitalised: set(FIRST_NAMES_CAPITALISED),
      firstWords: set(FIRST_NAMES_WORDS),
      surnames: set(SURNAMES),
      surnameWords: set(SURNAMES_WORDS),
    };
  }
  return lists;
}

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));
const TITLES = words('mr mrs ms miss mx dr master mister missus prof sir dame');
const FAMILY = words(`mum mums mam mom mummy mommy mother dad daddy father nan nana nanna nanny grandad granddad grandpa
  grandma granny gran grandmother grandfather brother bro sister sis sibling twin aunt auntie aunty uncle cousin stepdad
  stepmum step-dad step-mum stepbrother stepsister partner boyfriend girlfriend husband wife friend friends carer
  guardian son daughter niece nephew godmother godfather`);
/** After a name, these make it a place: "Beverley council", "Stanley Park", "Jordan Primary". */
const PLACE_AFTER = words(`council borough county city town village estate road street lane avenue park hospital station
  zoo museum academy primary school college university church mosque temple gurdwara centre infirmary airport fc united`);
const afterTitlePlace = (prev: Token | undefined, text: string, token: Token) =>
  prev !== undefined && TITLES.has(prev.key) && /^\.?[ \t]*$/.test(text.slice(prev.end, token.start));
const SALUTATIONS = words('thanks thank regards cheers wishes dear hi hello');
const PLAN_VERBS = words(`have use attend be go sit work join meet see get take try access continue receive practise
  practice wear bring come do read write start stop keep spend choose tell ask visit move`);
const PLACE_BEFORE = words('in from to visit visiting visited back around across near of');
const FAMILY_GROUP = words('family families household twins children kids boys girls siblings');
const CALLED = words('called named name aka nicknamed known');
const PRONOUNS = words('he she his her him hers himself herself');
const WEAK_VERBS = words(`is was has had can can't cannot could couldn't will won't would wouldn't does doesn't did
  didn't needs needed gets got goes went came comes seems seemed made makes might should isn't wasn't hasn't hadn't
  may must shall were are`);
const STRONG_VERBS = words(`says said told tells asked asks finds found likes liked loves loved enjoys enjoyed wants
  wanted struggles struggled refuses refused cried cries shouts shouted screamed screams hit hits kicked kicks bit
  bites ran runs lives lived attends attended sits sat works worked reads writes wrote talks talked spoke speaks became
  becomes thinks thought knows knew tries tried shared shares disclosed arrived arrives left joined joins settled
  settles responds responded manages managed presents presented engages engaged avoids avoided copes coped masks masked
  prefers preferred loves hates hated worries worried gets got feels felt told becomes walked walks ate eats plays
  played laughed laughs smiled smiles hid hides needs wants tends appears appeared`);
/** Words before a person that could as well come before a thing: only for names that are rarely things. */
const PERSON_BEFORE_WEAK = words('for to from about beside near behind');
const PERSON_BEFORE = words(`with ask asked asking tell told telling help helped helping support supported supporting
  supports see saw seen meet met praise praised thank thanked remind reminded encourage encouraged let give gave gives
  reward rewarded collect collected collects pick picked watch watched observe observed observed assess assessed
  include included invite invited allow allowed tell made make`);
const GROUP_NOUNS = words(`class group room term house team base day days week club time holidays holiday party fair
  service assembly award awards chart points rating camp garden lodge unit wing centre center academy primary school
  trust road street lane avenue close drive way crescent park hall court cottage farm tree trees level levels zone
  zoo museum station hospital infirmary library castle cathedral beach market airport stadium college university
  council borough county city town village estate`);
/** Word-names that are mostly nouns: they need more than "is" or "has" after them. */
const NOUNY = words(`hope faith joy art summer autumn star sky river chase mark bill may june april august honey
  liberty charity patience mercy storm ocean king destiny harmony melody miracle gift blessing favour crystal
  amber`);
const CALENDAR = words('may june april august summer autumn');

/** What staff write after a child's name: "Jack DOB…", "Grace yr 4", "Will (Y3)". */
const NAME_LABEL =
  /^\s*[(,:-]?\s*(?:dob\b|d\.o\.b|upn\b|nhs\b|born\b|aged?\s*\d|yr\s?\d|year\s?\d|y\d\b|in y(?:ea)?r\s?\d|\d{1,2}\s*(?:yrs?|years?|y\/?o)\b)|^\s*\(\d{1,2}\)/i;
/** A second name in "Holly and Jade": capitalised, and not a season or month. */
const pairable = (t: Token) =>
  t.capitalised && !CALENDAR.has(t.key) && !NEVER_NAMES.has(t.key) && nameLists().firstWords.has(t.key);

const ADVERBS = words('often always never sometimes usually still also now then really just already recently');

const TOKEN = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const NON_ASCII = /[^A-Za-z'-]/;

interface Token {
  start: number;
  /** End of the word without a possessive "'s". */
  end: number;
  raw: string;
  key: string;
  possessive: boolean;
  capitalised: boolean;
  lower: boolean;
  upper: boolean;
  sentenceStart: boolean;
  /** Only spaces (or a comma or bracket) between the previous token and this one. */
  joined: boolean;
  allowed: boolean;
}

const endsInS = (key: string) => key.length > 3 && key.endsWith('s');
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isDigit = (c: number) => c >= 48 && c <= 57;

const fold = (word: string) =>
  NON_ASCII.test(word)
    ? word
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/ı/g, 'i')
        .replace(/ł/g, 'l')
        .replace(/’/g, "'")
        .toLowerCase()
    : word.toLowerCase();

function tokenise(text: string, blocked: (start: number, end: number) => boolean): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    let raw = match[0];
    const start = match.index;
    const fullEnd = start + raw.length;
    // What lies between the previous word and this one: a sentence's end, or only spaces, commas and brackets.
    let sentenceStart = tokens.length === 0;
    let joined = true;
    for (let k = previousEnd; k < start; k += 1) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 44 || c === 40 || c === 41 || c === 9) continue;
      joined = false;
      // . ! ? : ; * newline • – — -
      if (
        c === 46 ||
        c === 33 ||
        c === 63 ||
        c === 58 ||
        c === 59 ||
        c === 42 ||
        c === 10 ||
        c === 0x2022 ||
        c === 45 ||
        c === 0x2013 ||
        c === 0x2014
      )
        sentenceStart = true;
    }
    previousEnd = fullEnd;
    let possessive = false;
    const last = raw.charCodeAt(raw.length - 1);
    if ((last === 115 || last === 83) && raw.length > 2 && isApostrophe(raw.charCodeAt(raw.length - 2))) {
      raw = raw.slice(0, -2);
      possessive = true;
    } else if (isApostrophe(last)) {
      raw = raw.slice(0, -1);
      possessive = true;
    }
    while (raw.length > 1 && raw.charCodeAt(raw.length - 1) === 45) raw = raw.slice(0, -1);
    const end = start + raw.length;
    const lowerRaw = raw.toLowerCase();
    const lower = raw === lowerRaw;
    const upper = !lower && raw.length > 1 && raw === raw.toUpperCase();
    const first = raw[0] as string;
    tokens.push({
      start,
      end,
      raw,
      key: NON_ASCII.test(raw) ? fold(raw) : lowerRaw,
      possessive,
      capitalised: !upper && first !== lowerRaw[0],
      lower,
      upper,
      sentenceStart,
      joined,
      allowed:
        // Part of a code like J5M or A10F, or glued to digits.
        isDigit(text.charCodeAt(start - 1)) || isDigit(text.charCodeAt(fullEnd)) || blocked(start, end),
    });
  }
  return tokens;
}

/** Marks the words of the allowed phrases ("Zones of Regulation", "Carol Gray"): never names. */
function markAllowedPhrases(tokens: Token[]): void {
  const phrases = allowedPhrases();
  for (let i = 0; i < tokens.length; i += 1) {
    const candidates = phrases.get((tokens[i] as Token).key);
    if (!candidates) continue;
    for (const words of candidates) {
      let matched = true;
      for (let k = 1; k < words.length && matched; k += 1) {
        const next = tokens[i + k];
        matched = next !== undefined && !next.sentenceStart && next.key === words[k];
      }
      if (!matched) continue;
      for (let k = 0; k < words.length; k += 1) (tokens[i + k] as Token).allowed = true;
      i += words.length - 1;
      break;
    }
  }
}

/** Names: the lists, read with the words around them. */
export function findNames(text: string, blocked: (start: number, end: number) => boolean, out: Candidate[]): void {
  const { first, firstCapitalised, firstWords, surnames, surnameWords } = nameLists();
  const tokens = tokenise(text, blocked);
  markAllowedPhrases(tokens);
  const isKnown = (t: Token) =>
    first.has(t.key) ||
    firstCapitalised.has(t.key) ||
    firstWords.has(t.key) ||
    surnames.has(t.key) ||
    surnameWords.has(t.key);
  // "Tommy-Lee", "Mohammed-Ali": a double name whose parts are all names reads as its first part.
  for (const token of tokens) {
    if (!token.key.includes('-') || isKnown(token)) continue;
    const parts = token.key.split('-');
    const [head] = parts;
    if (
      head &&
      (first.has(head) || firstCapitalised.has(head) || firstWords.has(head)) &&
      parts.every((part) => isKnown({ ...token, key: part }))
    )
      token.key = first.has(head) ? head : (parts.find((part) => first.has(part)) ?? head);
  }
  const usable = (t: Token | undefined): t is Token =>
    t !== undefined && !t.allowed && !t.upper && !NEVER_NAMES.has(t.key);

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.allowed || token.raw.length < 2) continue;
    if (token.upper) {
      // "BEN SMITH" on a form: a first name in capitals counts only with a surname in capitals after it.
      const after = tokens[i + 1];
      if (
        token.raw.length > 2 &&
        first.has(token.key) &&
        after?.upper === true &&
        after.joined &&
        !after.sentenceStart &&
        !after.allowed &&
        (surnames.has(after.key) || surnameWords.has(after.key) || first.has(after.key))
      ) {
        out.push({
          kind: 'name',
          start: token.start,
          end: after.end,
          reason: 'A name in capitals identifies a child or family.',
        });
        i += 1;
      }
      continue;
    }
    const key = token.key;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const joinedPrev = prev !== undefined && token.joined && !token.sentenceStart;
    const prevKey = joinedPrev ? prev.key : '';
    // "Mrs Patel", "Mr. Smith", "mrs begum"
    const afterTitle =
      prev !== undefined && TITLES.has(prev.key) && /^\.?[ \t]*$/.test(text.slice(prev.end, token.start));
    // "J. Smith", "J Smith": an initial before a surname.
    const afterInitial =
      prev !== undefined &&
      prev.raw.length === 1 &&
      /[A-Z]/.test(prev.raw) &&
      /^\.?[ \t]+$/.test(text.slice(prev.end, token.start));
    if (next?.joined && !next.sentenceStart && PLACE_AFTER.has(next.key) && !afterTitlePlace(prev, text, token))
      continue;
    // "family from India", "moved to Chester": a place.
    if (PLACE_NAMES.has(key) && prev !== undefined && token.joined && PLACE_BEFORE.has(prev.key)) continue;
    // "St James's", "St Mary's": a saint or a street, not a person.
    if (prev !== undefined && (prev.key === 'st' || prev.key === 'saint') && token.joined) continue;
    const afterFamily =
      joinedPrev &&
      (FAMILY.has(prevKey) ||
        (CALLED.has(prevKey) && prevKey !== 'name') ||
        SALUTATIONS.has(prevKey) ||
        (prevKey === 'of' && FAMILY.has(tokens[i - 2]?.key ?? '')) ||
        (prevKey === 'is' && tokens[i - 2]?.key === 'name'));
    // A word that is never a name on its own ("Summer", "May") still is one after "called" or a title.
    const familyAfter = token.possessive && next !== undefined && FAMILY.has(next.key);
    if (NEVER_NAMES.has(key) && !((afterTitle || afterFamily || familyAfter) && isKnown(token))) continue;
    const nextJoined = next?.joined === true && !next.sentenceStart;
    const nextKnown = nextJoined && usable(next) && next.capitalised && isKnown(next) && !GROUP_NOUNS.has(next.key);
    const nextGroup = nextJoined && GROUP_NOUNS.has(next.key);
    let reason: string | undefined;

    if (token.capitalised) {
      if (afterTitle) reason = 'A title and a surname name an adult.';
      else if (first.has(key) || (firstCapitalised.has(key) && key.length > 2))
        reason = 'A first name identifies a child or family.';
      else if (afterInitial && (surnames.has(key) || surnameWords.has(key)))
        reason = 'An initial and a surname name someone.';
      else if (nextJoined && FAMILY_GROUP.has(next.key) && (surnames.has(key) || surnameWords.has(key)))
        reason = 'A surname with "family" names a family.';
      else if (firstCapitalised.has(key))
        reason = wordNameContext(text, tokens, i, nextKnown, nextGroup, afterFamily, first);
      else if (firstWords.has(key)) reason = wordNameContext(text, tokens, i, nextKnown, nextGroup, afterFamily, first);
      else if (surnames.has(key) || surnameWords.has(key)) {
        if (afterFamily) reason = 'A name after a family word identifies a family.';
        else if (!token.sentenceStart && surnames.has(key) && !nextGroup) {
          const verb = nextJoined && (STRONG_VERBS.has(next.key) || WEAK_VERBS.has(next.key));
          if (token.possessive || verb) reason = 'A surname identifies a family.';
        }
      } else if (afterFamily && CALLED.has(prevKey)) reason = 'A name after "called" identifies someone.';
      else if (token.possessive && next !== undefined && FAMILY.has(next.key))
        reason = "A name's family identifies a child.";
      else if (endsInS(key) && first.has(key.slice(0, -1)) && next !== undefined && FAMILY.has(next.key))
        reason = 'A first name (its apostrophe missing) identifies a child.';
    } else if (token.lower && token.raw.length >= 3) {
      if (first.has(key)) reason = 'A first name, even in lower case, identifies a child.';
      else if (afterTitle && isKnown(token)) reason = 'A title and a surname name an adult.';
      else if ((firstCapitalised.has(key) || firstWords.has(key)) && afterFamily)
        reason = 'A name after a family word identifies a family.';
      else if (
        firstWords.has(key) &&
        !NOUNY.has(key) &&
        !token.possessive &&
        next?.joined === true &&
        !next.sentenceStart &&
        STRONG_VERBS.has(next.key)
      )
        reason = 'A name followed by what someone did identifies them.';
      else if (firstWords.has(key) && token.possessive && next !== undefined && FAMILY.has(next.key))
        reason = "A name's family identifies a child.";
      else if (endsInS(key) && first.has(key.slice(0, -1)) && next !== undefined && FAMILY.has(next.key))
        reason = 'A first name (its apostrophe missing) identifies a child.';
    }
    if (!reason) continue;

    // The name runs on over a surname or second name: "Jack Smith", "ben smith".
    let end = token.end;
    let j = i;
    for (let steps = 0; steps < 2 && !(tokens[j] as Token).possessive; steps += 1) {
      const after = tokens[j + 1];
      if (!usable(after) || !after.joined || after.sentenceStart || GROUP_NOUNS.has(after.key)) break;
      const fits = token.capitalised
        ? after.capitalised && isKnown(after)
        : after.lower && (surnames.has(after.key) || surnameWords.has(after.key) || first.has(after.key));
      if (!fits) break;
      j += 1;
      end = after.end;
    }
    out.push({ kind: 'name', start: token.start, end, reason });
    i = j;
  }
}

/** A name that is also a word (Grace, Will, May) is a name only where the words around it say so. */
function wordNameContext(
  text: string,
  tokens: Token[],
  i: number,
  nextKnown: boolean,
  nextGroup: boolean,
  afterFamily: boolean,
  first: Set<string>,
): string | undefined {
  const token = tokens[i] as Token;
  if (afterFamily) return 'A name after a family word identifies a family.';
  const nouny = NOUNY.has(token.key);
  const calendar = CALENDAR.has(token.key);
  if (token.possessive) {
    // "Autumn's mum": whatever the word, someone's family makes it a name; "Will's class" too.
    const family = tokens[i + 1] !== undefined && FAMILY.has((tokens[i + 1] as Token).key);
    return nouny && !family ? undefined : 'A name with a possessive identifies someone.';
  }
  if (nextGroup) return undefined;
  if (nextKnown) return 'A first name and surname identify a child or family.';
  const after1 = tokens[i + 1];
  const after2 = tokens[i + 2];
  if (!nouny && !calendar) {
    // "Jade and mum came in"
    if (after1?.key === 'and' && after2 !== undefined && !after2.sentenceStart && FAMILY.has(after2.key))
      return 'A name beside a family word identifies a child.';
    // Plan rows: "Ruby to have a sand timer"
    if (after1?.key === 'to' && after1.joined && after2 !== undefined && PLAN_VERBS.has(after2.key))
      return 'A name with what they are to do identifies a child.';
    // Notes about one child a line: "Jack: reading at home", "* Holly - sensory diet"
    if (token.sentenceStart && /^ ?[:–—] | - |^:/.test(text.slice(token.end, token.end + 3)))
      return 'A name heading a note identifies a child.';
  }
  if (NAME_LABEL.test(text.slice(token.end, token.end + 12)))
    return 'A name beside what is recorded about a child identifies them.';
  // "Holly and Jade fell out": names go in pairs.
  const pair = (and: Token | undefined, other: Token | undefined) =>
    and !== undefined &&
    other !== undefined &&
    (and.key === 'and' || and.key === '&') &&
    other.capitalised &&
    (first.has(other.key) || pairable(other));
  if (!calendar && (pair(tokens[i + 1], tokens[i + 2]) || pair(tokens[i - 1], tokens[i - 2])))
    return 'Two names side by side identify children.';
  const next = tokens[i + 1];
  if (next?.joined && !next.sentenceStart) {
    // "Grace often refuses": look past one adverb.
    const after = tokens[i + 2];
    const verb = ADVERBS.has(next.key) && after?.joined ? after : next;
    if (STRONG_VERBS.has(verb.key)) return 'A name followed by what someone did identifies them.';
    if (!nouny && WEAK_VERBS.has(verb.key)) return 'A name followed by what someone did identifies them.';
  }
  if (token.sentenceStart || calendar) return undefined;
  const prev = tokens[i - 1];
  if (prev && token.joined && PERSON_BEFORE.has(prev.key))
    return 'A name in the middle of a sentence identifies someone.';
  if (nouny) return undefined;
  if (prev && token.joined && PERSON_BEFORE_WEAK.has(prev.key))
    return 'A name in the middle of a sentence identifies someone.';
  for (let k = i + 1; k <= i + 6 && k < tokens.length; k += 1) {
    const near = tokens[k] as Token;
    if (near.sentenceStart) break;
    if (PRONOUNS.has(near.key)) return 'A name with "he" or "she" near it identifies someone.';
  }
  return undefined;
}
