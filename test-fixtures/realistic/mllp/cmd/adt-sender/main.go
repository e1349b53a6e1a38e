// Command adt-sender replays ADT messages from the outbound folder to the regional HIE's MLLP endpoint.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

const (
	startBlock = 0x0b
	endBlock   = 0x1c
	carriage   = 0x0d
)

func main() {
	addr := flag.String("addr", "hie-mllp.regional-hie.org:2575", "HIE MLLP endpoint")
	dir := flag.String("dir", "/var/spool/adt/outbound", "folder of .hl7 files")
	flag.Parse()

	files, err := filepath.Glob(filepath.Join(*dir, "*.hl7"))
	if err != nil {
		log.Fatal(err)
	}
	conn, err := net.DialTimeout("tcp", *addr, 10*time.Second)
	if err != nil {
		log.Fatalf("dial %s: %v", *addr, err)
	}
	defer conn.Close()
	r := bufio.NewReader(conn)

	for _, f := range files {
		msg, err := os.ReadFile(f)
		if err != nil {
			log.Printf("skip %s: %v", filepath.Base(f), err)
			continue
		}
		frame := append([]byte{startBlock}, []byte(strings.ReplaceAll(string(msg), "\n", "\r"))...)
		frame = append(frame, endBlock, carriage)
		if _, err := conn.Write(frame); err != nil {
			log.Fatalf("write: %v", err)
		}
		ack, err := r.ReadString(endBlock)
		if err != nil {
			log.Fatalf("ack: %v", err)
		}
		fmt.Printf("%s -> %s\n", filepath.Base(f), strings.Split(ack, "|")[0])
	}
}
