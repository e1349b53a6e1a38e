/**
 * A string literal that is the start of an HL7 v2 segment (`"MSH|"`, `b"PID|"`, `'OBX|'`): code that tests a
 * value against it holds a message or a segment, names, birth dates and identifiers included. `MSH` alone
 * counts (the message header), other segment ids only with their field separator (`PID` is also a process id).
 */
const SEGMENT = /^(?:MSH(?:\||(?![A-Za-z0-9]))|(?:PID|PD1|PV1|PV2|NK1|OBR|OBX|ORC|DG1|AL1|IN1|IN2|GT1|NTE|EVN|MRG|RXA|RXE|RXO|SPM|TXA)\|)/;

export function hl7Segment(literal: string): boolean {
  const body = literal.replace(/^[a-zA-Z@$]{0,3}(["'`]{1,3})/, '');
  return SEGMENT.test(body);
}
