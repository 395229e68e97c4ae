/**
 * A threat's word-like name followed by a comma and a US state, as an address, a dateline or a job posting writes a
 * city ("Hybrid — Phoenix, AZ", "Medusa, Texas", "Conti, Ohio"): that city (audit B2). A security company's job
 * posting names its offices next to the threats its analysts track. The state's code is in capitals and whole
 * ("Phoenix, AZ."); the codes that are also English words in capitals (IN, OK, OR, ME) are left out.
 */

import { once } from './once';

const STATE_AFTER = once(
  () =>
    new RegExp(
      '^,[ \\u00a0](?:(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IA|KS|KY|LA|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)(?![\\p{L}\\p{N}_-])' +
        '|(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming)(?![\\p{L}\\p{N}_-]))',
      'u',
    ),
);

/** Is the name ending at e a city before its state? */
export function cityBeforeState(text: string, e: number): boolean {
  return text.charCodeAt(e) === 44 && STATE_AFTER().test(text.slice(e, e + 18));
}
