import { describe, expect, it } from 'vitest';
import { normaliseUrl } from './url.js';

describe('normaliseUrl', () => {
  it('keeps http and https addresses as WHATWG hrefs (WorkBC, Nova Scotia Works, Service Canada)', () => {
    expect(normaliseUrl('https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx')).toBe(
      'https://workbc.ca/WorkBC-Centres/Vancouver-Island-Coast/Campbell-River.aspx',
    );
    expect(normaliseUrl('http://www.northsideemployment.com')).toBe('http://www.northsideemployment.com/');
    expect(normaliseUrl('https://www.servicecanada.gc.ca/tbsc-fsco/sc-dsp.jsp?rc=5944&lang=eng')).toBe(
      'https://www.servicecanada.gc.ca/tbsc-fsco/sc-dsp.jsp?rc=5944&lang=eng',
    );
  });

  it('adds https:// when the text starts with a host', () => {
    expect(normaliseUrl('www.workbc.ca/x')).toBe('https://www.workbc.ca/x');
    expect(normaliseUrl('workbc.ca')).toBe('https://workbc.ca/');
    expect(normaliseUrl('  tpl.ca/agincourt ')).toBe('https://tpl.ca/agincourt');
    expect(normaliseUrl('data.ottawa.ca:8080?q=1')).toBe('https://data.ottawa.ca:8080/?q=1');
    expect(normaliseUrl('//www.vpl.ca/branches')).toBe('https://www.vpl.ca/branches');
  });

  it('lower-cases scheme and host and keeps path, query and fragment as written', () => {
    expect(normaliseUrl('HTTPS://WWW.Barrie.CA/City%20Hall/Pages/Court-Services.aspx?Tab=2#Hours')).toBe(
      'https://www.barrie.ca/City%20Hall/Pages/Court-Services.aspx?Tab=2#Hours',
    );
  });

  it('rejects other schemes', () => {
    expect(normaliseUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseUrl('JavaScript:alert(1)')).toBeNull();
    expect(normaliseUrl('data:text/html,<p>hi</p>')).toBeNull();
    expect(normaliseUrl('mailto:centre-campbellriver@workbc.ca')).toBeNull();
    expect(normaliseUrl('ftp://ftp.example.ca/file')).toBeNull();
  });

  it('rejects spaces, hosts without a dot and text that is not an address', () => {
    expect(normaliseUrl('')).toBeNull();
    expect(normaliseUrl('https://www.barrie.ca/City Hall')).toBeNull();
    expect(normaliseUrl('https://localhost/admin')).toBeNull();
    expect(normaliseUrl('workbc')).toBeNull();
    expect(normaliseUrl('https://.ca/')).toBeNull();
    expect(normaliseUrl('n/a')).toBeNull();
    expect(normaliseUrl('See website')).toBeNull();
    expect(normaliseUrl('centre-campbellriver@workbc.ca')).toBeNull();
    expect(normaliseUrl('https://')).toBeNull();
  });
});
