import type { ManifestInput } from './manifestInput.js';
import { ncName, xmlEscape as x } from './xml.js';

/**
 * imsmanifest.xml for SCORM 1.2 (IMS CP 1.1.2 + ADL CP 1.2 + IMS MD 1.2.1).
 * adlcp:masteryscore gives the LMS the passing score; the LMS may override it and
 * the course then honours cmi.student_data.mastery_score.
 */
export function manifest12(m: ManifestInput): string {
  const files = m.files.map((f) => `      <file href="${x(f)}"/>`).join('\n');
  const schemas = m.schemaFiles.map((f) => `      <file href="${x(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ncName(`${m.courseId}-${m.version}`)}" version="${x(m.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="${x(m.locale)}">${x(m.title)}</imsmd:langstring></imsmd:title>
        <imsmd:language>${x(m.locale)}</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="${x(m.locale)}">${x(m.description)}</imsmd:langstring></imsmd:description>
      </imsmd:general>
      <imsmd:lifecycle>
        <imsmd:version><imsmd:langstring xml:lang="x-none">${x(m.version)}</imsmd:langstring></imsmd:version>
      </imsmd:lifecycle>
    </imsmd:lom>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${x(m.title)}</title>
      <item identifier="item-course" identifierref="res-course" isvisible="true">
        <title>${x(m.title)}</title>
        <adlcp:masteryscore>${Math.round(m.passingScore)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-course" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files}
    </resource>
    <resource identifier="res-schemas" type="webcontent" adlcp:scormtype="asset">
${schemas}
    </resource>
  </resources>
</manifest>
`;
}
