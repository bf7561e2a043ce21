import { readFileSync } from 'node:fs';
import { assessSeverity } from '/work/wt/sevround9/shared/severity';
import { severityAtLeast } from '/work/wt/sevround9/shared/severity/levels';
const name = process.argv[2] ?? 'heldout-9';
const rows = readFileSync(`/work/wt/sevround9/test/fixtures/severity/${name}.tsv`, 'utf8').split('\n');
let tp=0,fp=0,fn=0,l4=0,l4h=0;
rows.forEach((row,i)=>{ if(!row.trim()||row.startsWith('#'))return; const [level,kind,...r]=row.split('\t'); const text=r.join('\t');
 const a=assessSeverity({text}); const w=severityAtLeast(level as any,'L3'), g=severityAtLeast(a.level,'L3');
 if(w&&g)tp++; else if(g)fp++; else if(w)fn++; if(level==='L4'){l4++; if(a.level==='L4')l4h++;}
 if(w!==g||(level==='L4')!==(a.level==='L4')) console.log(`${i+1}\t${level}->${a.level}\t${kind}\t${text}\n\t${a.reasons.map(r=>`${r.rule}:${(r as any).detail??(r as any).value??''}`).join(' | ')}`);
});
console.log(`recall ${(tp/(tp+fn)).toFixed(3)} precision ${(tp/(tp+fp)).toFixed(3)} l4 ${(l4h/l4).toFixed(3)}`);
