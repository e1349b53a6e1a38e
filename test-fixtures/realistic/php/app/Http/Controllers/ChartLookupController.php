<?php

namespace App\Http\Controllers;

use App\Models\Patient;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;

class ChartLookupController extends Controller
{
    public function byMrn(Request $request)
    {
        $row = DB::table('patients')->where('mrn', $request->input('mrn'))->first();
        if (! $row) {
            Log::warning('chart lookup without match', ['mrn_length' => strlen((string) $request->input('mrn'))]);
            abort(404);
        }
        Log::debug('chart lookup hit', (array) $row);

        return view('charts.show', ['chart' => $row]);
    }

    public function show(int $id)
    {
        $chart = Patient::findOrFail($id);
        Log::info('chart opened: ' . $chart->toJson());
        Log::info('chart opened', ['id' => $chart->id, 'by' => auth()->id()]);

        return view('charts.show', ['chart' => $chart]);
    }

    public function wardCounts()
    {
        $counts = DB::table('admissions')->select('ward', DB::raw('count(*) as total'))->groupBy('ward')->get();
        Log::info('ward counts: ' . $counts->toJson());

        return response()->json($counts);
    }
}
