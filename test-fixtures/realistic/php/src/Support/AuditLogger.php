<?php

declare(strict_types=1);

namespace Lakeshore\Portal\Support;

use Psr\Log\LoggerInterface;

final class AuditLogger
{
    public function __construct(private LoggerInterface $logger)
    {
    }

    public function chartOpened(array $user, array $patient): void
    {
        $this->logger->info('chart opened', [
            'user' => $user['username'],
            'patient_id' => $patient['id'],
        ]);
    }

    public function prescriptionRejected(array $prescription, string $reason): void
    {
        $this->logger->warning('prescription rejected: ' . $reason . ' ' . json_encode($prescription));
    }

    public function importFailed(string $file, \Throwable $e): void
    {
        $this->logger->error('import failed for ' . basename($file) . ': ' . $e->getMessage());
    }
}
