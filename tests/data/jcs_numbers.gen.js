// Generates jcs_numbers.txt: "<IEEE-754 bits as 16 hex digits> <String(x) in ECMAScript>" per line, the
// reference the JCS number formatter is checked against. Run: node tests/data/jcs_numbers.gen.js > tests/data/jcs_numbers.txt
'use strict';
const view = new DataView(new ArrayBuffer(8));
const bits = (x) => { view.setFloat64(0, x); return view.getBigUint64(0).toString(16).padStart(16, '0'); };
const fromBits = (b) => { view.setBigUint64(0, b); return view.getFloat64(0); };
const out = new Map();
const add = (x) => { if (Number.isFinite(x)) out.set(bits(x), String(x)); };
const next = (x, d) => fromBits(view.setFloat64(0, x) || (view.getBigUint64(0) + BigInt(d)));
// Fixed-seed xorshift64*, so the file is reproducible.
let s = 0x9E3779B97F4A7C15n;
const rnd = () => { s ^= s >> 12n; s ^= (s << 25n) & 0xFFFFFFFFFFFFFFFFn; s ^= s >> 27n; return (s * 0x2545F4914F6CDD1Dn) & 0xFFFFFFFFFFFFFFFFn; };
// Powers of two are where the interval of values reading back as x is lopsided.
for (let e = -1074; e <= 1023; ++e) { const x = 2 ** e; add(x); if (e % 3 === 0) { if (x > 5e-324) add(next(x, -1)); add(next(-x, 1)); } }
for (let e = -323; e <= 308; ++e) { const x = Number('1e' + e); add(x); if (x > 5e-324) add(next(x, -1)); add(next(x, 1)); }
for (let i = 0; i < 1500; ++i) add(fromBits(rnd()));
for (let i = 0; i < 500; ++i) { const r = rnd(); add(Number(r % 100000000n) / 10 ** Number((r >> 40n) % 12n)); }
for (let i = 0; i < 200; ++i) { const r = rnd(); add(Number(r >> 11n)); add(Number(r >> 20n) * 1000); }
for (const x of [1e21, 1e-7, 1e-6, 9.999999999999999e20, 1e20, 123456789012345680000, 0.1, 0.2, 0.3, 1/3, 2/3,
                 Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, Number.MIN_VALUE, Number.MAX_VALUE, 5e-324, 2.2250738585072014e-308]) { add(x); add(-x); }
for (const [b, str] of out) console.log(b + ' ' + str);
