package hl7listener

import "context"

// incidentMessage is the ADT^A08 that the lab analyser rejected during INC-2291; the on-call engineer
// replays it from the admin endpoint to check the fix.
const incidentMessage = "MSH|^~\\&|ADT|LAKESHORE|RESULTS|LAKESHORE|20240311094512||ADT^A08|MSG00417|P|2.5\r" +
	"PID|1||LSC-0090417^^^LAKESHORE^MR||Harper^Vivian^J||19610530|F|||22 Quarry Lane^^Bradford^^BD7 1DP||07700 900461\r" +
	"PV1|1|I|WARD4^12^1"

// Replay re-sends the incident message to the queue.
func (l *Listener) Replay(ctx context.Context) error {
	return l.Queue.Publish(ctx, "results.inbound", []byte(incidentMessage))
}
