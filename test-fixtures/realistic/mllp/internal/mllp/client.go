// Package mllp sends HL7 v2 messages framed with the Minimal Lower Layer Protocol.
package mllp

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"time"
)

// Client sends one message per connection and waits for the acknowledgement.
type Client struct {
	Addr    string
	Timeout time.Duration
}

// Send writes msg framed as <VT>msg<FS><CR> and returns the ACK without its frame.
func (c *Client) Send(ctx context.Context, msg []byte) ([]byte, error) {
	d := net.Dialer{Timeout: c.Timeout, KeepAlive: 30 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", c.Addr)
	if err != nil {
		return nil, fmt.Errorf("mllp: dial %s: %w", c.Addr, err)
	}
	defer conn.Close()
	if deadline, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(deadline)
	}

	w := bufio.NewWriter(conn)
	w.WriteByte(0x0b)
	w.Write(bytes.ReplaceAll(msg, []byte("\n"), []byte("\r")))
	w.Write([]byte{0x1c, 0x0d})
	if err := w.Flush(); err != nil {
		return nil, err
	}

	ack, err := bufio.NewReader(conn).ReadBytes(0x1c)
	if err != nil {
		return nil, fmt.Errorf("mllp: read ack: %w", err)
	}
	return bytes.TrimPrefix(bytes.TrimSuffix(ack, []byte{0x1c}), []byte{0x0b}), nil
}
