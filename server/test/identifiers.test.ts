import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { IDENTIFIER_SETS, loadBuiltinRules } from '../src/engine';
import { candidateSpans } from '../src/engine/detectors/nationalIdentifier';
import { discoverFiles } from '../src/engine/discovery';
import { identifierTypesIn } from '../src/engine/identifiers/catalog';
import { FIXTURES } from './helpers';
import * as v from '../src/engine/identifiers/validators';
import { luhnValid, verhoeffValid } from '../src/engine/identifiers/checksums';

/** Each expected value below was worked out by hand; the arithmetic is in the comment beside it. */
function check(validate: (s: string) => boolean, valid: string[], invalid: string[]): void {
  for (const s of valid) assert.equal(validate(s), true, `${s} should be valid`);
  for (const s of invalid) assert.equal(validate(s), false, `${s} should be invalid`);
}

describe('identifier validators', () => {
  it('Luhn and Verhoeff', () => {
    assert.ok(luhnValid('79927398713')); // the textbook example: sum 70
    assert.ok(!luhnValid('79927398710'));
    assert.ok(verhoeffValid('2363')); // Verhoeff's own example, check digit 3 for 236
    assert.ok(!verhoeffValid('2364'));
  });

  it('US SSN: area, group and serial ranges; samples are test data', () => {
    check(v.isValidSsn, ['536-22-1234', '536 22 1234', '536221234', '899-01-0001'], [
      '000-12-3456', // area 000
      '666-12-3456', // area 666
      '900-12-3456', // area 900–999
      '536-00-1234', // group 00
      '536-22-0000', // serial 0000
      '53622123', // 8 digits
    ]);
    for (const s of ['078-05-1120', '457-55-5462', '219-09-9999', '123-45-6789', '987-65-4320', '987-65-4329']) {
      assert.ok(v.isSsnTestValue(s), s);
    }
    assert.ok(!v.isSsnTestValue('987-65-4330'));
  });

  it('US ITIN: 9XX with the allowed group ranges', () => {
    check(v.isValidItin, ['912-50-1234', '912-65-1234', '912-70-1234', '912-88-1234', '912-90-1234', '912-94-1234', '912-99-1234'], [
      '912-49-1234',
      '912-66-1234',
      '912-89-1234',
      '912-93-1234',
      '812-70-1234',
    ]);
  });

  it('US MBI: the CMS example shape, letters without S L O I B Z', () => {
    check(v.isValidMbi, ['1EG4-TE5-MK73', '1eg4te5mk73'], ['0EG4-TE5-MK73', '1SG4-TE5-MK73', '1EG4-TE5-MK7', '1EGA-TE5-MK73']);
  });

  it('US NPI: Luhn over 80840 + the number', () => {
    // 80840123456789 + check: Luhn check digit 3
    check(v.isValidNpi, ['1234567893'], ['1234567890', '3234567893', '123456789']);
  });

  it('US DEA: (d1+d3+d5) + 2(d2+d4+d6) ends in d7', () => {
    // AB1234563: (1+3+5) + 2(2+4+6) = 9 + 24 = 33 → 3
    check(v.isValidDea, ['AB1234563', 'A91234563'], ['AB1234564', 'A11234563', 'AB123456']);
  });

  it('France NIR / INS: key = 97 − (13 digits mod 97), Corsica 2A → 19, 2B → 18', () => {
    // 1850578006084 mod 97 = 6 → key 91
    // 284052A031123 → 2840519031123 mod 97 = 76 → key 21 ; 185052B123456 → 1850518123456 mod 97 = 37 → key 60
    check(v.isValidNir, ['1 85 05 78 006 084 91', '185057800608491', '2 84 05 2A 031 123 21', '185052B12345660'], [
      '185057800608492', // wrong key
      '284052A03112322', // wrong key for Corsica
      '585057800608491', // sex digit 5 does not exist
      '1851378006084' + '91', // month 13
      '18505780060849', // too short
    ]);
  });

  it('UK NHS number: weights 10..2, check 11 − (sum mod 11), 11 → 0, 10 invalid; 999 is the test range', () => {
    // 943 476 5919: 90+36+24+28+42+30+20+27+2 = 299; 299 mod 11 = 2; 11 − 2 = 9
    check(v.isValidNhsNumber, ['943 476 5919', '9434765919', '401 023 2137'], ['943 476 5918', '1234567890', '94347659']);
    // 401 023 2137: 40+0+8+0+12+15+8+3+6 = 92; 92 mod 11 = 4; 11 − 4 = 7
    assert.ok(v.isNhsTestValue('999 123 4560'));
    assert.ok(!v.isNhsTestValue('943 476 5919'));
  });

  it('Netherlands BSN: 11-proof', () => {
    // 111222333: 9+8+7+12+10+8+9+6 = 69; 69 − 3 = 66 = 6·11
    // 123456782: 9+16+21+24+25+24+21+16 = 156; 156 − 2 = 154 = 14·11
    check(v.isValidBsn, ['111222333', '123456782', '1112.22.333'], ['111222334', '123456789', '000000000']);
  });

  it('Belgium national number: 97 − (9 digits mod 97), prefixed 2 for births from 2000', () => {
    // 850730033 mod 97 = 69 → 28 ; 2170730033 mod 97 = 13 → 84 (without the 2: 55)
    check(v.isValidBelgianNationalNumber, ['85.07.30-033.28', '85073003328', '17073003384', '17073003355'], ['85073003329', '17073003385']);
  });

  it('Germany KVNR: letter as two digits, weights 1,2 with digit sums, mod 10', () => {
    // A123456780: 0 1 1 2 3 4 5 6 7 8 → 0+2+1+4+3+8+5+(12→3)+7+(16→7) = 40 → 0
    check(v.isValidKvnr, ['A123456780'], ['A123456781', '1123456780', 'A12345678']);
  });

  it('Germany LANR: weights 4,9 on six digits, check in the seventh', () => {
    // 123456: 4+18+12+36+20+54 = 144 → (10 − 4) mod 10 = 6
    check(v.isValidLanr, ['123456601'], ['123456701', '12345660']);
  });

  it('Canada SIN (Luhn, not starting 0 or 8), BC PHN (weighted mod 11), Ontario (Luhn, version code)', () => {
    check(v.isValidSin, ['123 456 782', '123-456-782'], ['123456783', '023456782', '823456782']);
    // 9123456780: (2·1)+(4·2)+(8·3 mod 11 = 2)+(5·4 mod 11 = 9)+(10·5 mod 11 = 6)+(9·6 mod 11 = 10)+(7·7 mod 11 = 5)+(3·8 mod 11 = 2) = 44 → (11 − 0) mod 11 = 0
    check(v.isValidBcPhn, ['9123 456 780'], ['9123456781', '8123456780']);
    check(v.isValidOntarioHealthNumber, ['1234-567-897', '1234567897AB'], ['1234567898', '1234567897A']);
  });

  it('Australia Medicare: weights 1,3,7,9 on eight digits, check in the ninth', () => {
    // 29501011: 2+27+35+0+1+0+7+9 = 81 → 1
    check(v.isValidAuMedicare, ['2950 10111 1', '29501011111'], ['2950101121', '1950101111', '29501011']);
  });

  it('Italy codice fiscale: odd/even tables, sum mod 26', () => {
    // RSSMRA85T10A562: odd positions 8+1+12+1+13+8+21+5 ... total 122; 122 mod 26 = 18 → S
    check(v.isValidCodiceFiscale, ['RSSMRA85T10A562S'], ['RSSMRA85T10A562T', 'RSSMRA85T10A562']);
  });

  it('Spain DNI and NIE: letter = table[n mod 23], X/Y/Z → 0/1/2', () => {
    // 12345678 mod 23 = 14 → Z ; X1234567: 1234567 mod 23 = 19 → L ; Y: 11234567 mod 23 = 10 → X ; Z: 21234567 mod 23 = 1 → R
    check(v.isValidDniNie, ['12345678Z', 'X1234567L', 'Y-1234567-X', 'Z1234567R'], ['12345678A', 'X1234567Z', 'W1234567L']);
  });

  it('Sweden personnummer: a real date (day + 60 for coordination numbers) and Luhn over ten digits', () => {
    // 811218-987: Luhn check 6 ; coordination 811278-987 (day 18 + 60): check 3
    check(v.isValidPersonnummer, ['811218-9876', '19811218-9876', '811278-9873'], ['811218-9875', '811318-9876', '810230-9876']);
  });

  it('India Aadhaar: Verhoeff, first digit ≥ 2, no palindromes', () => {
    check(v.isValidAadhaar, ['2341 2341 2346'], ['2341 2341 2345', '1341 2341 2346', '212121121212']);
  });

  it('payment cards: issuer prefix and Luhn', () => {
    check(v.isValidPaymentCard, ['4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005'], ['4111 1111 1111 1112', '9111111111111111', '41111111']);
  });
});

describe('identifier candidates: one scan for every type finds what a scan per type finds', () => {
  it('on the test fixtures and the rule examples', () => {
    const BEFORE = String.raw`(?<![\p{L}\p{N}_])(?<!\p{N}[.\-/:+])(?<!\p{L}[.\-])(?<!\p{N} )(?<!\+\d{1,3}[ .\-]?)(?<!\(\d{1,5}\)[ .\-]?)(?<![Tt][Ee][Ll]:\s?)`;
    const AFTER = String.raw`(?![\p{L}\p{N}_])(?![.\-/:]\p{N})(?![.\-]\p{L})(?! \p{N})`;
    const types = identifierTypesIn(IDENTIFIER_SETS);
    const perType = (text: string) => {
      const spans = new Set<string>();
      for (const t of types) for (const m of text.matchAll(new RegExp(`${BEFORE}(?:${t.shape})${AFTER}`, 'gu'))) spans.add(`${m.index}:${m.index! + m[0].length}`);
      return [...spans].sort();
    };
    const texts = [
      ...[...discoverFiles(FIXTURES, ['.'], { exclude: [] }, [])].map((f) => fs.readFileSync(f.abs, 'utf8')),
      ...loadBuiltinRules().flatMap((r) => [...r.examples.bad, ...r.examples.good].map((e) => e.code)),
      'ssn 536-96-6187, nhs 943 476 5919 / 9434765919, NIR 2 41 12 33 122 313 09, KVNR A123456780, X1234567L',
    ];
    let spans = 0;
    for (const text of texts) {
      const found = candidateSpans(text, types).map(([s, e]) => `${s}:${e}`).sort();
      assert.deepEqual(found, perType(text));
      spans += found.length;
    }
    assert.ok(spans > 100, `${spans} spans compared`);
  });
});
