// Package hl7listener accepts HL7 v2 messages from the lab analysers over MLLP (behind the stunnel
// sidecar, which terminates TLS) and queues them for the results service.
package hl7listener

import (
	"bufio"
	"bytes"
	"context"
	"log"
	"net"
	"strings"

	"github.com/lakeshore/results/internal/queue"
)

const (
	startBlock = 0x0b
	endBlock   = 0x1c
)

type Listener struct {
	Addr  string
	Queue queue.Publisher
}

func (l *Listener) Serve(ctx context.Context) error {
	ln, err := net.Listen("tcp", l.Addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go l.handle(ctx, conn)
	}
}

func (l *Listener) handle(ctx context.Context, conn net.Conn) {
	defer conn.Close()
	r := bufio.NewReader(conn)
	for {
		frame, err := r.ReadBytes(endBlock)
		if err != nil {
			return
		}
		msg := string(bytes.Trim(frame, "\x0b\x1c\r\n"))
		if !strings.HasPrefix(msg, "MSH|") {
			log.Printf("dropping frame without MSH segment (%d bytes) from %s", len(msg), conn.RemoteAddr())
			continue
		}
		log.Printf("received HL7 message: %s", msg)
		controlID := field(msg, 9)
		if err := l.Queue.Publish(ctx, "results.inbound", []byte(msg)); err != nil {
			log.Printf("queueing message %s failed: %v", controlID, err)
			continue
		}
		log.Printf("queued message %s (%d bytes)", controlID, len(msg))
		conn.Write(ack(controlID))
	}
}

// field returns the n-th field of the MSH segment.
func field(msg string, n int) string {
	segment := strings.SplitN(msg, "\r", 2)[0]
	parts := strings.Split(segment, "|")
	if len(parts) <= n {
		return ""
	}
	return parts[n]
}

func ack(controlID string) []byte {
	return []byte("\x0bMSH|^~\\&|RESULTS|LAKESHORE|||||ACK|" + controlID + "|P|2.5\rMSA|AA|" + controlID + "\x1c\r")
}
