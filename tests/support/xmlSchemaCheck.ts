import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Validates an unpacked package's imsmanifest.xml against the schema files the
 * package itself ships, with xmllint (Debian's libxml2-utils). xmllint ignores
 * xsi:schemaLocation, so a small driver schema imports every namespace the manifest
 * uses; the xml: namespace is imported first so no schema reaches for the network.
 */
const NAMESPACES: Record<'1.2' | '2004', [string, string][]> = {
  '1.2': [
    ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    ['http://www.imsglobal.org/xsd/imsmd_rootv1p2p1', 'imsmd_rootv1p2p1.xsd'],
  ],
  '2004': [
    ['http://www.w3.org/XML/1998/namespace', 'xml.xsd'],
    ['http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
    ['http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
    ['http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
    ['http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
  ],
};

export function validateManifest(unpackedDir: string, version: '1.2' | '2004'): { ok: boolean; output: string } {
  const imports = NAMESPACES[version].map(([ns, file]) => `  <xs:import namespace="${ns}" schemaLocation="${file}"/>`).join('\n');
  const driver = path.join(unpackedDir, '__driver.xsd');
  writeFileSync(driver, `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:scorm-driver" elementFormDefault="qualified">
${imports}
</xs:schema>
`);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', driver, path.join(unpackedDir, 'imsmanifest.xml')], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint could not run (${r.error.message}); install Debian's libxml2-utils`);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}
