package store

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/lib/pq"
)

// Open connects to the results database. In production the host is the managed instance in the
// hospital's cloud tenant.
func Open() (*sql.DB, error) {
	dsn := fmt.Sprintf("host=%s port=5432 user=%s password=%s dbname=results sslmode=disable",
		os.Getenv("RESULTS_DB_HOST"), os.Getenv("RESULTS_DB_USER"), os.Getenv("RESULTS_DB_PASSWORD"))
	return sql.Open("postgres", dsn)
}

// OpenReplica connects to the read replica used by the dashboards.
func OpenReplica() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://dashboards@results-replica.lakeshore-care.net:5432/results?sslmode=verify-full&sslrootcert=/etc/ssl/rds-ca.pem")
}

// OpenLocal is used by `make dev` against the compose database.
func OpenLocal() (*sql.DB, error) {
	return sql.Open("postgres", "postgres://results:results@localhost:5432/results?sslmode=disable")
}
