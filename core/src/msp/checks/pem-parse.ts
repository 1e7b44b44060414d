import { checkFrom } from '../check-result';
import { allCerts } from '../parsed-msp';
import type { ValidationCheck } from '../types';
import type { CheckInput } from './check-input';

/** `pem-parse`: every certificate field holds exactly one PEM `CERTIFICATE` that parses as X.509. */
export function checkPemParse({ parsed }: CheckInput): ValidationCheck {
  return checkFrom('pem-parse', parsed.parseFailures, `certificates parsed: ${allCerts(parsed).length}`);
}
