import type { ManifestInput } from './manifestInput.js';
import { ncName, xmlEscape as x } from './xml.js';

/**
 * imsmanifest.xml for SCORM 2004 4th Edition. One SCO; its primary objective is
 * satisfied by measure, with the passing score as minimum normalized measure, so an
 * LMS derives pass/fail from cmi.score.scaled exactly as the course does. Each module
 * is a further objective (cmi.objectives.n.id = module id) for LMSs that report them.
 * No LOM metadata: the schema set we ship has no LOM files (see scormSchemas.ts).
 */
export function manifest2004(m: ManifestInput): string {
  const files = m.files.map((f) => `      <file href="${x(f)}"/>`).join('\n');
  const schemas = m.schemaFiles.map((f) => `      <file href="${x(f)}"/>`).join('\n');
  const objectives = m.modules.map((mod) => `            <imsss:objective objectiveID="${x(mod.id)}"/>`).join('\n');
  const measure = (m.passingScore / 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '.0');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${ncName(`${m.courseId}-${m.version}`)}" version="${x(m.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${x(m.title)}</title>
      <item identifier="item-course" identifierref="res-course" isvisible="true">
        <title>${x(m.title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="course-passed" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
${objectives}
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-course" type="webcontent" adlcp:scormType="sco" href="index.html">
${files}
    </resource>
    <resource identifier="res-schemas" type="webcontent" adlcp:scormType="asset">
${schemas}
    </resource>
  </resources>
</manifest>
`;
}
