import { findPersonalData } from './src/privacy/index.ts';
import { readCorpus } from './privacy-corpus/evaluate.ts';
const texts = readCorpus('tuning').map(l=>l.text);
let s=''; while (s.length < 2_000_000) s += texts[Math.floor(Math.random()*texts.length)] + '. ';
const chunks: string[] = []; for (let i=0;i<s.length;i+=2000) chunks.push(s.slice(i,i+2000));
let st=performance.now(); findPersonalData(chunks[0]!); console.log('first call', performance.now()-st);
for (let b=0;b<10;b++){ st=performance.now(); for (let i=b*100;i<(b+1)*100;i++) findPersonalData(chunks[i]!); console.log('batch',b, (performance.now()-st).toFixed(0)); }
