package com.lakeshore.caregiver.data

import android.content.Context
import androidx.room.Database
import androidx.room.Room
import androidx.room.RoomDatabase
import net.zetetic.database.sqlcipher.SupportOpenHelperFactory

@Database(entities = [VisitEntity::class, PatientNoteEntity::class], version = 2)
abstract class VisitDatabase : RoomDatabase() {
    abstract fun visits(): VisitDao
    abstract fun notes(): PatientNoteDao

    companion object {
        fun open(context: Context, passphrase: ByteArray): VisitDatabase =
            Room.databaseBuilder(context, VisitDatabase::class.java, "visits.db")
                .openHelperFactory(SupportOpenHelperFactory(passphrase))
                .build()
    }
}
