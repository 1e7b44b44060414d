/** The NodeOU role an identity's certificate carries. */
export type IdentityRole = 'admin' | 'client' | 'peer' | 'orderer';

/** Who submits a transaction: an MSP ID plus either a real certificate or a synthesised subject. */
export interface TestIdentity {
  mspId: string;
  /** A real PEM certificate: the ledger then builds fabric-shim's own ClientIdentity from it. */
  certPem?: string;
  /** For synthesised identities: the role OU and common name. */
  role?: IdentityRole;
  cn?: string;
  /** Extra OUs after the role OU (Fabric CA adds the affiliation, such as `org1`). */
  extraOus?: string[];
  /** `slash` is fabric-chaincode-node's getID() format; `comma` is the Go shim's. */
  idFormat?: 'slash' | 'comma';
}

/**
 * A stand-in for fabric-shim's ClientIdentity when no certificate is needed (benchmarks, bulk tests):
 * same methods, same getID() format.
 */
export class FakeClientIdentity {
  private readonly id: string;
  private readonly idBytes: Uint8Array;

  constructor(private readonly identity: TestIdentity) {
    const domain = `${identity.mspId.replace(/MSP$/i, '').toLowerCase()}.example.com`;
    const ous = [identity.role ?? 'client', ...(identity.extraOus ?? [])];
    const cn = identity.cn ?? `${identity.role ?? 'client'}@${domain}`;
    if (identity.idFormat === 'comma') {
      const subject = `CN=${cn},${ous.map((ou) => `OU=${ou}`).join('+')},O=Hyperledger,ST=North Carolina,C=US`;
      this.id = `x509::${subject}::CN=ca.${domain},O=${domain},L=Durham,ST=North Carolina,C=US`;
    } else {
      const subject = `/C=US/ST=North Carolina/O=Hyperledger${ous.map((ou) => `/OU=${ou}`).join('')}/CN=${cn}`;
      this.id = `x509::${subject}::/C=US/ST=North Carolina/L=Durham/O=${domain}/CN=ca.${domain}`;
    }
    this.idBytes = Buffer.from(`-----BEGIN CERTIFICATE-----\n${Buffer.from(this.id).toString('base64')}\n-----END CERTIFICATE-----\n`);
  }

  getID(): string {
    return this.id;
  }

  getMSPID(): string {
    return this.identity.mspId;
  }

  getIDBytes(): Uint8Array {
    return this.idBytes;
  }

  getAttributeValue(_name: string): string | null {
    return null;
  }

  assertAttributeValue(_name: string, _value: string): boolean {
    return false;
  }
}

/** A synthesised identity of `mspId` with the given role. */
export function fakeIdentity(mspId: string, role: IdentityRole = 'admin', extra: Partial<TestIdentity> = {}): TestIdentity {
  return { mspId, role, ...extra };
}
