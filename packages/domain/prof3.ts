import { findNames } from './src/privacy/names.ts';
import { findPersonalData } from './src/privacy/index.ts';
import { readCorpus } from './privacy-corpus/evaluate.ts';
const texts = readCorpus('tuning').map(l=>l.text);
let s=''; while (s.length < 2_000_000) s += texts[Math.floor(Math.random()*texts.length)] + '. ';
const chunks: string[] = []; for (let i=0;i<s.length;i+=2000) chunks.push(s.slice(i,i+2000));
for (let r=0;r<3;r++){
let st=performance.now(); for (const c of chunks) findNames(c,()=>false,[]); console.log('names', performance.now()-st);
st=performance.now(); for (const c of chunks) findPersonalData(c); console.log('all', performance.now()-st);
}
