package hl7listener

import (
	"log/slog"
	"strings"
)

// Forwarder re-sends ADT messages to the bed-management system.
type Forwarder struct {
	Send func([]byte) error
}

func (f *Forwarder) Forward(raw []byte) {
	text := string(raw)
	segments := strings.Split(text, "\r")
	for _, seg := range segments {
		if strings.HasPrefix(seg, "PID|") {
			slog.Debug("forwarding ADT", "pid", seg)
		}
	}
	if err := f.Send(raw); err != nil {
		slog.Error("forward failed", "segments", len(segments), "err", err)
	}
}
