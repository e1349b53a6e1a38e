<?php

namespace App\Jobs;

use Illuminate\Support\Facades\Storage;

class SendLabOrders
{
    public function handle(): void
    {
        $batch = Storage::disk('orders')->path('outbox/orders.hl7');

        // Brightwater's legacy drop: plain FTP
        $conn = ftp_connect(config('labs.brightwater.host'));
        ftp_login($conn, config('labs.brightwater.user'), config('labs.brightwater.password'));
        ftp_pasv($conn, true);
        ftp_put($conn, 'inbound/orders.hl7', $batch, FTP_BINARY);
        ftp_close($conn);

        // Oakvale: FTPS
        $secure = ftp_ssl_connect(config('labs.oakvale.host'));
        ftp_login($secure, config('labs.oakvale.user'), config('labs.oakvale.password'));
        ftp_put($secure, 'inbound/orders.hl7', $batch, FTP_BINARY);
        ftp_close($secure);
    }
}
