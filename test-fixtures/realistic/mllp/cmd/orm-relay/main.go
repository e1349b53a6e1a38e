// Command orm-relay accepts order messages from the EHR and relays them to the radiology system.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"log"
	"net"
	"os"
)

func main() {
	pool := x509.NewCertPool()
	ca, err := os.ReadFile("/etc/orm-relay/ca.pem")
	if err != nil {
		log.Fatal(err)
	}
	pool.AppendCertsFromPEM(ca)
	cert, err := tls.LoadX509KeyPair("/etc/orm-relay/relay.pem", "/etc/orm-relay/relay-key.pem")
	if err != nil {
		log.Fatal(err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, ClientCAs: pool, ClientAuth: tls.RequireAndVerifyClientCert, MinVersion: tls.VersionTLS12}

	ln, err := tls.Listen("tcp", ":2575", cfg)
	if err != nil {
		log.Fatal(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			log.Print(err)
			continue
		}
		go relay(c, cfg)
	}
}

func relay(in net.Conn, cfg *tls.Config) {
	defer in.Close()
	out, err := tls.Dial("tcp", "ris-mllp.northwind-health.org:2575", &tls.Config{RootCAs: cfg.ClientCAs, Certificates: cfg.Certificates})
	if err != nil {
		log.Print(err)
		return
	}
	defer out.Close()
	buf := make([]byte, 64*1024)
	for {
		n, err := in.Read(buf)
		if n > 0 {
			frame := buf[:n]
			if frame[0] == 0x0b && frame[n-2] == 0x1c {
				out.Write(frame)
			}
		}
		if err != nil {
			return
		}
	}
}
