<?php

declare(strict_types=1);

namespace Lakeshore\Portal\Reports;

use PDO;
use Lakeshore\Portal\Support\Vault;

final class DischargeExport
{
    public function __construct(private PDO $db, private Vault $vault)
    {
    }

    /** Nightly CSV of yesterday's discharges for the billing team. */
    public function run(string $day): int
    {
        $stmt = $this->db->prepare(
            'SELECT p.mrn, p.family_name, p.given_name, p.birth_date, d.diagnosis_code, d.discharged_at
               FROM discharges d JOIN patients p ON p.id = d.patient_id
              WHERE d.discharged_at::date = :day'
        );
        $stmt->execute(['day' => $day]);

        $csv = "mrn,family,given,birth_date,diagnosis,discharged_at\n";
        $count = 0;
        while ($row = $stmt->fetch(PDO::FETCH_ASSOC)) {
            if ($row['diagnosis_code'] === null) {
                error_log('discharge without diagnosis: ' . print_r($row, true));
                continue;
            }
            $csv .= implode(',', $row) . "\n";
            $count++;
        }

        file_put_contents('/tmp/discharges-' . $day . '.csv', $csv);

        // the copy the billing SFTP job picks up is sealed with the export key
        $sealed = $this->vault->seal($csv);
        file_put_contents('/srv/exports/billing/discharges-' . $day . '.csv.enc', $sealed);

        error_log(sprintf('discharge export %s: %d rows', $day, $count));
        return $count;
    }

    public function dumpOne(int $patientId): void
    {
        $stmt = $this->db->prepare('SELECT * FROM patients WHERE id = ?');
        $stmt->execute([$patientId]);
        $patient = $stmt->fetch(PDO::FETCH_ASSOC);

        error_log('billing mismatch for patient ' . var_export($patient, true));
        error_log('billing mismatch for patient id ' . $patientId);
    }
}
