import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.js';

describe('normaliseEmail', () => {
  it('keeps valid addresses (WorkBC, Nova Scotia Works)', () => {
    expect(normaliseEmail('centre-campbellriver@workbc.ca')).toBe('centre-campbellriver@workbc.ca');
    expect(normaliseEmail('derrick.hawley@ns.aliantzinc.ca')).toBe('derrick.hawley@ns.aliantzinc.ca');
  });

  it('lower-cases the domain and keeps the local part as written', () => {
    expect(normaliseEmail('Elizabeth.cooke.sumbu@CANSA.ca')).toBe('Elizabeth.cooke.sumbu@cansa.ca');
  });

  it('trims and drops a mailto: prefix and its query', () => {
    expect(normaliseEmail('  jobshop@nedac.ca ')).toBe('jobshop@nedac.ca');
    expect(normaliseEmail('mailto:info@islandemployment.ca')).toBe('info@islandemployment.ca');
    expect(normaliseEmail('MAILTO:Info@IslandEmployment.ca?subject=Hello')).toBe('Info@islandemployment.ca');
  });

  it('accepts plus signs, hyphens and accented domains', () => {
    expect(normaliseEmail('first.last+services@gov.bc.ca')).toBe('first.last+services@gov.bc.ca');
    expect(normaliseEmail('info@ville.québec.qc.ca')).toBe('info@ville.québec.qc.ca');
  });

  it('rejects anything else', () => {
    expect(normaliseEmail('')).toBeNull();
    expect(normaliseEmail('n/a')).toBeNull();
    expect(normaliseEmail('jobshop')).toBeNull();
    expect(normaliseEmail('jobshop@nedac')).toBeNull();
    expect(normaliseEmail('jobshop@@nedac.ca')).toBeNull();
    expect(normaliseEmail('job@shop@nedac.ca')).toBeNull();
    expect(normaliseEmail('@nedac.ca')).toBeNull();
    expect(normaliseEmail('job shop@nedac.ca')).toBeNull();
    expect(normaliseEmail('jobshop@nedac.ca, info@nedac.ca')).toBeNull();
    expect(normaliseEmail('.jobshop@nedac.ca')).toBeNull();
    expect(normaliseEmail('job..shop@nedac.ca')).toBeNull();
    expect(normaliseEmail('jobshop@nedac..ca')).toBeNull();
    expect(normaliseEmail('jobshop@-nedac.ca')).toBeNull();
    expect(normaliseEmail('jobshop@nedac.c')).toBeNull();
    expect(normaliseEmail('jobshop@nedac.ca.')).toBeNull();
    expect(normaliseEmail('https://www.nedac.ca')).toBeNull();
  });
});
