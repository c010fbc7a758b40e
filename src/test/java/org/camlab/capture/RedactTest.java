package org.camlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secrets in stream and database URLs, each of the shapes found shown in plain text (rooms issue), removed. */
class RedactTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rtsp://user:pass@cam/1|rtsp://***@cam/1",
            "rtsp://user:p@ss@cam/1|rtsp://***@cam/1",
            "rtsp://user:pa/ss@cam/1|rtsp://***@cam/1",
            "rtsp://user:pa#ss@cam/1|rtsp://***@cam/1",
            "rtsp://user:pa ss@cam/1|rtsp://***@cam/1",
            "https://cam/live.m3u8?access_token=SecretG7&x=1|https://cam/live.m3u8?access_token=***&x=1",
            "https://cam/s?apikey=SecretG7|https://cam/s?apikey=***",
            "https://cam/s?pw=SecretG7|https://cam/s?pw=***",
            "https://b.s3.amazonaws.com/v.mp4?X-Amz-Credential=AKIA%2FSecretG7&X-Amz-Signature=SecretG7|"
                    + "https://b.s3.amazonaws.com/v.mp4?X-Amz-Credential=***&X-Amz-Signature=***",
            "jdbc:postgresql://db/camlab?user=u&password=abc;SecretG7|jdbc:postgresql://db/camlab?user=u&password=***",
            "/home/me/room 12.mp4|/home/me/room 12.mp4",
    })
    void secretsAreRemoved(String url, String shown) {
        assertEquals(shown, Redact.url(url));
        assertFalse(Redact.url("cannot open " + url + ": timed out").contains("SecretG7"));
    }
}
