// Command poct-bridge turns point-of-care glucose readings into ORU messages for the lab system, which reads
// one message per TCP connection on its raw port.
package main

import (
	"bufio"
	"fmt"
	"log"
	"net"
	"os"
	"strings"
	"time"
)

type reading struct {
	MRN, Operator, Value, Units string
	At                          time.Time
}

func oru(r reading, seq int) string {
	ts := r.At.Format("20060102150405")
	return strings.Join([]string{
		fmt.Sprintf("MSH|^~\\&|POCT|NWH|LIS|NWH|%s||ORU^R01|POCT%06d|P|2.5.1", ts, seq),
		fmt.Sprintf("PID|1||%s^^^NWH^MR", r.MRN),
		fmt.Sprintf("OBX|1|NM|2339-0^Glucose^LN||%s|%s|||||F|||%s", r.Value, r.Units, ts),
	}, "\r")
}

func main() {
	lis := os.Getenv("LIS_RAW_ADDR") // e.g. lis.pathlab-partners.co.uk:7001
	in := bufio.NewScanner(os.Stdin)
	for seq := 1; in.Scan(); seq++ {
		f := strings.Split(in.Text(), ",")
		if len(f) < 4 {
			continue
		}
		conn, err := net.Dial("tcp", lis)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Fprint(conn, oru(reading{MRN: f[0], Operator: f[1], Value: f[2], Units: f[3], At: time.Now()}, seq))
		conn.Close()
	}
}
