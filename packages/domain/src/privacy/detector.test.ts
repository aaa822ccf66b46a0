import { describe, expect, it } from 'vitest';
import { describeFinding, findPersonalData, type PersonalDataKind } from './index.js';

/** "kind:text" for each finding, in order. */
const found = (text: string) => findPersonalData(text).map((f) => `${f.kind}:${f.text}`);
const kinds = (text: string): PersonalDataKind[] => findPersonalData(text).map((f) => f.kind);

describe('findPersonalData: exact identifiers', () => {
  it('finds a UPN with a right check letter, and a temporary one', () => {
    expect(found('transferred in, A823575683441 on the CTF')).toEqual(['upn:A823575683441']);
    expect(found('temp V55424072186Q')).toEqual(['upn:V55424072186Q']);
  });

  it('ignores a UPN-shaped code with a wrong check letter unless the words say it is a UPN', () => {
    expect(found('order ref B823575683441')).toEqual([]);
    expect(found('UPN B823575683441 (typo?)')).toEqual(['upn:B823575683441']);
  });

  it('finds NHS numbers that pass mod 11, and any 10 digits the words call an NHS number', () => {
    expect(found('CDC letter 943 476 5919')).toEqual(['nhs:943 476 5919']);
    expect(found('943-476-5919')).toEqual(['nhs:943-476-5919']);
    expect(found('ref 943 476 5918')).toEqual([]);
    expect(found('NHS no 943 476 5918')).toEqual(['nhs:943 476 5918']);
  });

  it('finds NI numbers with allowed prefixes, and not excluded ones', () => {
    expect(found('mum JT 48 27 19 B')).toEqual(['ni:JT 48 27 19 B']);
    expect(found('AB123456C')).toEqual(['ni:AB123456C']);
    expect(found('QQ123456C and GB123456A and DA123456A')).toEqual([]);
    expect(found('NI: JT482719')).toEqual(['ni:JT482719']);
    expect(found('code JT482719')).toEqual([]);
  });

  it('finds full postcodes anywhere and outward codes only where the words speak of an address', () => {
    expect(found('LS6 2AB')).toEqual(['postcode:LS6 2AB']);
    expect(found('moved, ls11 6pq')).toEqual(['postcode:ls11 6pq']);
    expect(found('lives in BD7 with nan')).toEqual(['postcode:BD7']);
    expect(found('Y6 and KS2, group B12')).toEqual([]);
  });

  it('finds UK mobiles and landlines in their usual forms', () => {
    for (const phone of [
      '07700 900123',
      '07700900123',
      '07700-900-123',
      '+44 7700 900123',
      '+447700900123',
      '0044 7700 900123',
      '+44 (0) 7700 900123',
      '0113 496 0123',
      '(0121) 496 0000',
      '020 7946 0958',
    ])
      expect(found(`call ${phone} after 3`), phone).toEqual([`phone:${phone}`]);
  });

  it('finds numbers abroad written with their country code', () => {
    expect(found('dad in Poland +48 601 234 567')).toEqual(['phone:+48 601 234 567']);
    expect(found('+48 601234567')).toEqual(['phone:+48 601234567']);
    expect(found('score +5 points, up +12% on +3.5, +2 3 4 5 6 7 8 9 10')).toEqual([]);
  });

  it('does not read dates, scores, times, years, helplines or other numbers as phones', () => {
    for (const text of [
      'scored 3/10',
      'RA 7:6',
      'at 10:30',
      'in 2019',
      '3/4/2016',
      'room 014',
      'Childline 0800 1111',
      'band 3, 7500 a year',
      'ref 0113',
    ])
      expect(kinds(text), text).not.toContain('phone');
  });

  it('reports an NHS number or a UPN once, not also as a phone', () => {
    expect(found('NHS 943 476 5919, mum 07700 900123')).toEqual(['nhs:943 476 5919', 'phone:07700 900123']);
  });

  it('reads ten digits inside a phone number as the phone, even where they pass mod 11 by chance', () => {
    expect(found('tel. +44 (0)113 496 0123')).toEqual(['phone:+44 (0)113 496 0123']);
  });

  it('finds e-mail addresses, without the full stop after them', () => {
    expect(found('email kelly.j@example.com.')).toEqual(['email:kelly.j@example.com']);
    expect(found('(ben_smith+school@example.co.uk)')).toEqual(['email:ben_smith+school@example.co.uk']);
  });

  it('prefers the e-mail to the name inside it', () => {
    expect(found('ben.smith@example.org')).toEqual(['email:ben.smith@example.org']);
  });
});

describe('findPersonalData: addresses', () => {
  it('finds a house number and a street, with a flat', () => {
    expect(found('lives at 14 Acacia Road')).toEqual(['address:14 Acacia Road']);
    expect(found('Flat 2, 5 Mill Lane')).toEqual(['address:Flat 2, 5 Mill Lane']);
    expect(found('moved to 2a Station Rd')).toEqual(['address:2a Station Rd']);
    expect(found('at 128 high street')).toEqual(['address:128 high street']);
    expect(found('lives on Rosemary Avenue')).toEqual(['address:Rosemary Avenue']);
  });

  it('does not read counts and classes as addresses', () => {
    for (const text of [
      'has 2 very close friends',
      'Year 5 Oak Close',
      'lives on the same road as school',
      'group 3 way too noisy',
      '15 minutes a day',
    ])
      expect(kinds(text), text).not.toContain('address');
  });
});

describe('findPersonalData: dates of birth', () => {
  it('finds dates where the words say birth, in UK forms', () => {
    expect(found('DOB 3/4/2016')).toEqual(['dob:3/4/2016']);
    expect(found('d.o.b. 03.04.16')).toEqual(['dob:03.04.16']);
    expect(found('born 3rd April 2016')).toEqual(['dob:3rd April 2016']);
    expect(found('date of birth: April 3rd 2016')).toEqual(['dob:April 3rd 2016']);
    expect(found('born in April 2016')).toEqual(['dob:April 2016']);
    expect(found('aged 7 (born 3/4/2016)')).toEqual(['dob:3/4/2016']);
    expect(found('aged 6 (20/06/2018)')).toEqual(['dob:20/06/2018']);
    expect(found('3/4/2016 (DOB)')).toEqual(['dob:3/4/2016']);
    expect(found('birthday 16/03')).toEqual(['dob:16/03']);
    expect(found('born 2015 so youngest')).toEqual(['dob:2015']);
  });

  it('leaves review and meeting dates, months, weekdays and Easter alone', () => {
    for (const text of [
      'review 3/4/2026',
      'next meeting 3rd April',
      'by Easter',
      'in May',
      'on Friday',
      'born in Poland, review on 12/3/25',
      'his birthday party is on saturday',
      'started in September 2023',
      'scored 3/10',
    ])
      expect(found(text), text).toEqual([]);
  });
});

describe('findPersonalData: names', () => {
  it('finds known first names, capitalised anywhere or in lower case', () => {
    expect(found('Ask Ben what he would like at lunch.')).toEqual(['name:Ben']);
    expect(found('Ben and Sara in Year 3')).toEqual(['name:Ben', 'name:Sara']);
    expect(found('ben finds lunch hard')).toEqual(['name:ben']);
    expect(found('Zainab sits with Oliwia and Chidi')).toEqual(['name:Zainab', 'name:Oliwia', 'name:Chidi']);
  });

  it('runs a name on over its surname', () => {
    expect(found('Jack Smith transition')).toEqual(['name:Jack Smith']);
    expect(found('ben smith struggles')).toEqual(['name:ben smith']);
  });

  it('keeps the possessive out of the finding', () => {
    const [finding] = findPersonalData("Leo's mum rang");
    expect(finding).toMatchObject({ kind: 'name', start: 0, end: 3, text: 'Leo' });
  });

  it('finds a surname after a title, known or not, and after an initial', () => {
    expect(found('Mrs Patel says')).toEqual(['name:Patel']);
    expect(found('Mr. Zorblatt rang')).toEqual(['name:Zorblatt']);
    expect(found('mrs patel says')).toEqual(['name:patel']);
    expect(found('J. Smith to attend')).toEqual(['name:Smith']);
  });

  it('finds names after family words and "called"', () => {
    expect(found('her mum Kelly came in')).toEqual(['name:Kelly']);
    expect(found('dad, Wayne, wants a meeting')).toEqual(['name:Wayne']);
    expect(found('a child called Summer in the class')).toEqual(['name:Summer']);
    expect(found('the Kowalski family moved')).toEqual(['name:Kowalski']);
  });

  it('reads names that are words as names only with context', () => {
    expect(found('Grace has made good progress')).toEqual(['name:Grace']);
    expect(found('Will is struggling')).toEqual(['name:Will']);
    expect(found("Rose's mum asked")).toEqual(['name:Rose']);
    expect(found('worked with Daisy on turn taking')).toEqual(['name:Daisy']);
    expect(found('Holly and Jade fell out')).toEqual(['name:Holly', 'name:Jade']);
    expect(found('Jack DOB 4/5/2016')).toEqual(['name:Jack', 'dob:4/5/2016']);
    expect(found('Mrs May rang')).toEqual(['name:May']);
    expect(found('Jack (7) is new')).toEqual(['name:Jack']);
    expect(found("Autumn's mum would like a meeting")).toEqual(['name:Autumn']);
    expect(found("Will's class teacher is off")).toEqual(['name:Will']);
    expect(found('mum of Daisy phoned')).toEqual(['name:Daisy']);
    expect(found('many thanks Joy')).toEqual(['name:Joy']);
    expect(found('Jade and mum came in')).toEqual(['name:Jade']);
    expect(found('1. Ruby to have a sand timer')).toEqual(['name:Ruby']);
    expect(found('Jack: reading at home')).toEqual(['name:Jack']);
    expect(found('grace said she was tired')).toEqual(['name:grace']);
  });

  it('reads double names, a missing apostrophe before a family word, and names in capitals with a surname', () => {
    expect(found('Tommy-Lee has had 3 exclusions')).toEqual(['name:Tommy-Lee']);
    expect(found('Mohammed-Ali finds it hard to wait')).toEqual(['name:Mohammed-Ali']);
    expect(found('jacobs mum rang')).toEqual(['name:jacobs']);
    expect(found("Zorbina's mum rang")).toEqual(['name:Zorbina']);
    expect(found('Name: BEN SMITH')).toEqual(['name:BEN SMITH']);
    expect(found('ASD and ADHD, SEN SUPPORT, EHCP')).toEqual([]);
  });

  it('does not take ordinary words ending in s, or double words, for names', () => {
    for (const text of [
      'the bodies of evidence',
      'melodies in music',
      'allies in the playground',
      'well-being',
      'jack-in-the-box',
    ])
      expect(found(text), text).toEqual([]);
  });

  it('leaves names that are words alone where they are words', () => {
    for (const text of [
      'Will review in May',
      'will review after half term',
      'May need a referral',
      'by the grace of the TA',
      'Rose class teacher is new',
      'Summer born, youngest in class',
      'Hope is that he moves to mainstream',
      'RAG rated Amber for attendance',
      'art is his favourite lesson',
      'max 20 mins on task',
      'drew a lovely picture',
      'star of the week',
      'Christmas Eve is hard for the family',
      'rated Amber Green for attendance',
      'loves Thomas the Tank Engine and Fireman Sam',
      'trip to Chester Zoo',
      "went to McDonald's as a reward",
      'Year 2 topic on Florence Nightingale',
      'family from India, moved to Chester in 2020',
      'Kirklees council and Beverley council',
      'jack in the box toy',
      'Hope this helps',
      'Will do',
      'Art: good progress',
      'Summer: new targets',
      'Max effort in PE',
      'Drew up a plan with mum',
    ])
      expect(found(text), text).toEqual([]);
  });
});

describe('findPersonalData: never flagged', () => {
  it('leaves references and initials alone', () => {
    for (const text of [
      'J5M finds lunch hard',
      'A10F and S12X in Year 3',
      'RP M? to confirm',
      'J. settled well, JS to follow up',
    ])
      expect(found(text), text).toEqual([]);
  });

  it('leaves roles, services and teams alone', () => {
    for (const text of [
      'SENCO to ring Mum, EP to observe, TA and HLTA to keep notes',
      'Dad attended, Nan could not, Grandad brings him, foster carer and social worker agree',
      'SaLT, OT and the paediatrician; CAMHS referral; DSL aware; the class teacher and the head',
      'referred to the Autism Team, Early Help and the Virtual School',
      'Educational Psychology Service, Kirklees SEND team, Leeds LA',
    ])
      expect(found(text), text).toEqual([]);
  });

  it('leaves named interventions and resources alone', () => {
    for (const text of [
      'Zones of Regulation, Lego therapy, Read Write Inc, Colourful Semantics, Attention Autism',
      'Numicon, Makaton, ELSA, Thrive, Boxall Profile, Sheffield Support Grid, Talk Boost, Nessy, Toe by Toe',
      'Precision Teaching, Social Stories (Carol Gray), Widgit, Clicker, Sounds-Write, Little Wandle, Power of 2',
      'Rapid Maths, Beat Dyslexia, Sensory circuits, Circle of Friends, Drawing and Talking, Theraplay, Jigsaw PSHE',
      'Lexia, TEACCH, PECS, Tac Pac, Wellcomm, NELI, Time to Talk, Black Sheep Press, Bucket time',
      'the Hive at lunch, the Rainbow room, the Nest',
    ])
      expect(found(text), text).toEqual([]);
  });

  it('leaves months, weekdays, year groups, subjects, faiths and festivals alone', () => {
    expect(found('In January, on Monday and Friday, Year 3 and KS2 do Maths, English and RE')).toEqual([]);
    expect(found('Eid, Diwali and Christmas; Muslim and Sikh families; Polish and Urdu speakers')).toEqual([]);
  });
});

describe('findPersonalData: the findings themselves', () => {
  it('gives exact offsets, sorted and never overlapping', () => {
    const text = "Ben Smith's mum... 07700 900123, ben.smith@example.com, DOB 3/4/2016, 14 Acacia Road LS6 2AB";
    const findings = findPersonalData(text);
    expect(findings.map((f) => f.kind)).toEqual(['name', 'phone', 'email', 'dob', 'address', 'postcode']);
    for (const [index, finding] of findings.entries()) {
      expect(text.slice(finding.start, finding.end)).toBe(finding.text);
      expect(finding.reason.length).toBeGreaterThan(0);
      const next = findings[index + 1];
      if (next) expect(next.start).toBeGreaterThanOrEqual(finding.end);
    }
  });

  it('gives offsets into the whole text when a long text is read in windows', () => {
    const filler = 'Needs a visual timetable and a calm corner. '.repeat(4000);
    const text = `${filler}Ask Ben at lunch. ${filler}mum 07700 900123`;
    const findings = findPersonalData(text);
    expect(findings.map((f) => `${f.kind}:${text.slice(f.start, f.end)}`)).toEqual(['name:Ben', 'phone:07700 900123']);
  });

  it('never splits a number between two windows of a long text', () => {
    // No line break and no full stop: a window (64 kB) must end between lower-case words, not at the space inside
    // "07700 900123", wherever the number falls around the window's end.
    const words = 'needs a visual timetable and a calm corner with adult support '.repeat(1100);
    for (let shift = 0; shift <= 14; shift += 1) {
      const text = `${words.slice(0, 65_536 - 10 - shift)} mum 07700 900123 and more ${words.slice(0, 500)}`;
      expect(
        found(text).filter((f) => f.startsWith('phone:')),
        String(shift),
      ).toEqual(['phone:07700 900123']);
    }
  });

  it('describes a name as the guard words it', () => {
    const [finding] = findPersonalData('Ask Ben what he would like');
    expect(describeFinding(finding as { kind: 'name'; text: string }, 'J5M')).toBe(
      "'Ben' looks like a name. Use the reference J5M, or 'the child'.",
    );
  });

  it('reads 200 kB of hostile text and still finds what is at its end', () => {
    // Long runs built to make a careless pattern backtrack: digits and separators, letters and dots, an '@' chain.
    const hostile = [
      '0'.repeat(50_000),
      '1 2 3 4 5 6 7 8 9 '.repeat(2_000),
      `${'a.'.repeat(20_000)}@`,
      'Aa '.repeat(15_000),
      `${'1/'.repeat(10_000)}born`,
      `${'4 Aa '.repeat(5_000)}`,
    ].join('');
    expect(hostile.length).toBeGreaterThan(200_000);
    const text = `${hostile} Ask Ben. DOB 3/4/2016 07700 900123`;
    const findings = findPersonalData(text);
    expect(findings.slice(-3).map((f) => `${f.kind}:${f.text}`)).toEqual([
      'name:Ben',
      'dob:3/4/2016',
      'phone:07700 900123',
    ]);
  });
});
