//! The characters `fast2s` may convert from Traditional to Simplified, so
//! that a text with none of them is read as it is, without a copy.
//!
//! Listed from the crate's table (`t2s.txt`, its keys) and the characters
//! its context rules look at; a test checks the list against the crate
//! character by character, so an update of `fast2s` cannot make it stale
//! unnoticed.

use std::sync::LazyLock;

/// Every character `fast2s::convert` may change, in code point order.
const TRADITIONAL: &[&str] = &[
    "丟並乾亂亙亞仝佇佈佔併來侖侶侷俁係俠倆倈倉個們倖倣倫偉側偵偸偽傑傖傘備傚傢傭傯傳",
    "傴債傷傾僂僅僉僑僕僞僥僱價儀儂億儈儉儐儔儕儘償優儲儷儸儺儻儼兇兌兒兗內兩冊冪凍凜",
    "凟凱別刪剄則剋剎剛剝剮剴創剷劃劄劇劉劊劌劍劑劒勁動勗務勛勝勞勢勣勦勱勳勵勸勻匭匯",
    "匱區協卹卻厙厠厤厭厰厲參叄叢吒吳吶呂呱呵員唄唸問啓啞啟啢啣喚喪喫喬單喲嗆嗇嗎嗚嗩",
    "嗶嘆嘍嘔嘖嘗嘜嘩嘮嘯嘰嘸噁噓噝噠噥噯噲噴噸噹嚀嚇嚕嚙嚥嚦嚨嚮嚳嚴嚶囀囂囈囉囑囘囪",
    "囬圇國圍園圓圖團坰埡埰執堅堊堝堦堯報場堿塊塋塏塗塚塢塤塲塵塹塼墊墜墮墳墻墾壇壋壎",
    "壓壘壙壞壟壠壢壩壯壺壼壽夀夠夢夥夾奐奧奩奪奬奮妝姍姦姪娛婁婦婬婭媧媮媯媼媽嫋嫗嫵",
    "嫺嫻嬀嬈嬋嬌嬙嬡嬤嬪嬭嬰嬸嬾孃孌孫學孿宮寜寢實寧審寫寬寵寶將專尋對導尷屆屍屜屢層",
    "屬屭岡峴島峽崍崐崑崗崙崢嵐嵗嶄嶇嶔嶗嶠嶢嶧嶴嶸嶺嶼嶽巋巒巔巖巗巰巹帥師帳帶幀幃幗",
    "幘幟幣幫幬幹幺幾庫廁廂廄廈廎廏廐廕廚廝廟廠廡廢廣廩廬廳廻廼弒弔弳張強彈彊彌彎彙彜",
    "彠彥彫彷彿後徑從徠復徬徵徹恆恥悅悵悶悽惡惱惲惻愛愜愨愴愷愾慄態慍慘慚慟慣慤慫慮慳",
    "慶慾憂憊憐憑憒憚憤憫憮憲憶懇應懌懍懟懣懲懶懷懸懺懼懽懾戀戇戔戧戩戯戰戲戶扡拋挾捍",
    "捨捫捲掃掄掙掛採揀揚換揮揹搆損搖搗搶搾摑摜摟摣摯摳摶摺摻撃撈撐撓撚撟撣撥撫撲撳撻",
    "撾撿擁擄擇擊擋擔擕據擠擡擣擧擬擯擰擱擲擴擷擺擻擼擾攄攆攏攔攖攙攛攜攝攢攣攤攪攬攷",
    "敍敗敘敵數敺斂斃斕斬斲斷於旂昇時晉晝暈暉暘暢暫暱曄曆曇曉曖曠曡曬書會朧朮東杴柵桿",
    "梔梘條梟梱棄棖棗棟棧棲棶椏楊楓楨業極榦榮榿槃構槍槓槤槨槮槳樁樂樅樑樓標樞樣樸樹樺",
    "橈橋機橢橫檁檉檔檜檟檢檣檮檯檳檸檻櫃櫓櫚櫛櫝櫞櫟櫥櫨櫪櫫櫬櫳櫸櫺櫻欄權欏欒欖欽歎",
    "歐歛歟歡歲歷歸歿殘殞殤殫殭殮殯殲殺殻殼毀毆毉毬毿氂氈氊氣氫氬氳氾汎汙汚決沒沖況泝",
    "洩洶浹涇涖涼淒淚淥淨淩淪淵淶淺渙減渢渦測渾湊湞湣湧湯溈準溝溫溮溼滄滅滌滎滙滬滯滲",
    "滷滸滻滾滿漁漊漚漢漣漬漲漵漸漿潁潑潔潛潤潯潰潿澀澁澂澆澇澗澠澤澮澱濁濃濕濘濛濟濤",
    "濫濬濰濱濶濺濼濾瀅瀆瀉瀋瀏瀕瀘瀝瀟瀠瀦瀧瀨瀰瀲瀾灃灑灕灘灝灣灤灩災炁炤為烏烱烴無",
    "煅煆煇煉煒煖煙煢煥煩煬熅熒熗熱熲熾燁燄燈燉燐燒燙燜營燦燬燭燴燻燼燾燿爍爐爛爭爲爺",
    "爾牀牆牋牐牘牴牽犖犛犢犧狀狹狽猙猶猻獁獃獄獅獎獨獪獫獮獰獲獵獷獸獺獻獼玀玆玨珮現",
    "琯琱琺琿瑉瑋瑒瑣瑤瑩瑪瑯瑲璉璡璣璦璫環璵璽璿瓊瓏瓔瓚甌甎甕產産甦甯畝畢畫畬異畱當",
    "疇疊疋痙痠痺瘋瘍瘓瘞瘡瘧瘺瘻療癆癇癉癒癘癟癡癢癤癥癩癬癭癮癰癱癲發皐皚皰皸皺盃盜",
    "盞盡監盤盧盪眎眡眥眾睜睞瞇瞞瞭瞼矇矚矯矽砲硃硜硤硨硯碩碭碸確碼磐磑磚磧磯磽礄礎礙",
    "礦礪礫礬礮礱祐祕祗祿禍禎禕禦禪禮禰禱禿秈稅稈稜稟稭種稱穀穌積穎穠穡穢穨穩穫窩窪窮",
    "窯窰窵窶窺竄竅竇竈竊竝竪競筆筍筦筧箇箋箏節範築篋篔篛篠篤篩篳簀簍簑簞簡簣簫簷簹簽",
    "簾籃籌籐籙籛籜籟籠籤籥籩籬籮籲粧粵糞糢糧糰糲糴糶糾紀紂約紅紆紇紈紉紋納紐紓純紕紗",
    "紘紙級紛紜紝紡紥紮細紱紲紳紵紹紺紿絀終絃組絆絎結絕絛絝絞絡絢給絨絰統絲絳絶絹綁綃",
    "綆綉綏綑經綜綞綠綢綣綫綬維綯綰綱網綳綴綵綸綹綺綻綽綾綿緄緇緊緋緑緒緗緘緙線緜緝緞",
    "締緡緣緦編緩緬緯緱緲練緹緻縂縈縉縊縋縐縑縛縝縞縟縣縧縫縭縮縱縲縴縵縶縷縹總績繃繅",
    "繆繒織繕繖繙繚繞繡繩繪繫繭繮繯繳繹繼繽繾纇纈纊續纍纏纓纔纖纘纜缐缽罈罌罎罰罵罷羅",
    "羆羈羋羥羨義羶習翬翹翺翽耑耬聖聞聯聰聲聳聵聶職聹聼聽聾肅脅脇脈脛脣脩脫脹腎腖腦腫",
    "腳腸膚膠膩膽膾膿臉臍臏臘臚臟臠臥臨臯臺與興舉舊舖舘艙艤艦艫艱艶艷芻苧茲荊莊莖莢莧",
    "華菴菸萇萊萬萵葉葒著葦葯葷蒐蒓蒔蒞蒼蓀蓆蓋蓧蓮蓯蓴蓽蔆蔔蔞蔣蔥蔦蔭蔴蕁蕎蕒蕕蕘蕢",
    "蕩蕪蕭蕷薀薈薊薌薑薔薘薟薦薩薰薺藉藍藎藝藥藪藴藶藹藺蘄蘆蘇蘊蘋蘗蘚蘞蘢蘭蘿處虛虜",
    "號虧虯蛺蛻蜆蝕蝟蝦蝨蝸螄螘螞螢螻螿蟄蟈蟎蟬蟯蟲蟶蟻蠅蠆蠍蠐蠑蠔蠟蠣蠱蠶蠻衆衊術衕",
    "衚衛衝衞衹袞裏補裝裡製複褌褘褲褳褸褻襆襍襖襠襤襪襬襯襲襴覆覈見規覓覔視覘覡覥覦覧",
    "親覬覯覲覷覺覽觀觔觝觴觶觸訂訃計訊訌討訐訓訕訖託記訛訝訟訢訣訥訪設許訴訶診註証詁",
    "詆詎詐詒詔評詗詘詛詞詠詡詢詣試詩詫詬詭詮詰話該詳詵詼詿誄誅誆誇誌認誑誒誕誘誚語誠",
    "誡誣誤誥誦誨說説誰課誹誼調諂諄談諉請諍諏諒論諗諛諜諡諢諤諦諧諫諭諮諱諳諶諷諸諺諾",
    "謀謁謂謄謊謎謐謔謖謗謙謚講謝謠謡謨謫謬謳謹謾譁證譌譎譏譖識譙譚譜譟譫譯議譴護譽讀",
    "變讌讎讐讒讓讕讖讚讜讞谿豈豎豐豔豬貍貒貓貝貞負財貢貧貨販貪貫責貯貰貲貳貴貶買貸貺",
    "費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賔賕賙賚賜賞賠賡賢賣賤賦賧質賬賭賴賸賺購賽賾贄贅",
    "贇贈贊贋贍贏贓贔贖贗贛赬趕趙趨跡跼踐踴蹌蹕蹟蹠蹣蹤蹺躂躉躊躋躍躑躒躕躡躥躪軀車軋",
    "軌軍軑軒軔軛軟軫軲軸軹軻軼軾較輅載輊輒輓輔輕輛輜輝輞輟輥輦輩輪輭輯輳輸輻輾輿轂轄",
    "轅轆轉轍轎轟轡轢轤辤辦辭辮辯農迴迺逕這連週進遊運過達違遙遜遞遠適遲遷選遺遼邁還邇",
    "邊邏郟郵鄆鄉鄒鄔鄕鄖鄘鄧鄭鄰鄲鄴鄶鄺酈醃醖醜醞醤醫醬醯醱釀釁釋釐釓釔釕釗釘釙針釣",
    "釤釦釧釩釬釵釷釹釺鈀鈁鈃鈄鈈鈉鈍鈎鈐鈑鈒鈔鈕鈞鈣鈥鈦鈧鈮鈰鈳鈴鈷鈸鈹鈺鈽鈾鈿鉀鉄",
    "鉅鉈鉉鉋鉍鉑鉕鉗鉚鉛鉞鉢鉤鉦鉬鉭鉶鉸鉺鉻鉿銀銃銅銍銑銓銖銘銚銛銜銠銣銥銦銨銩銪銫",
    "銬銲銳銷銹銻銼鋁鋂鋅鋇鋌鋏鋒鋙鋟鋤鋥鋦鋨鋪鋭鋮鋯鋰鋱鋶鋸鋻鋼錁錄錇錐錒錕錘錚錛錟",
    "錠錡錢錦錨錩錫錮錯録錳錶錸錼鍀鍆鍇鍊鍋鍍鍔鍘鍚鍛鍠鍤鍥鍩鍬鍰鍵鍶鍺鍼鍾鎂鎄鎊鎔鎖",
    "鎘鎚鎛鎢鎣鎦鎧鎩鎬鎮鎰鎳鎵鎸鎿鏃鏇鏈鏌鏐鏑鏗鏘鏜鏝鏞鏟鏡鏢鏤鏵鏷鏹鏽鐃鐐鐒鐓鐔鐘",
    "鐙鐠鐡鐦鐧鐨鐫鐮鐲鐳鐵鐸鐺鐿鑄鑊鑌鑑鑒鑔鑕鑞鑠鑣鑥鑪鑭鑰鑲鑷鑼鑽鑾鑿钂長門閂閃閆",
    "閈閉開閎閏閑閒間閔閘閙閡関閣閤閥閧閨閩閫閬閭閱閲閶閹閻閼閽閾閿闆闈闊闋闌闍闐闒闓",
    "闔闕闖關闞闡闢闥阨阪阬阯陘陜陝陞陣陰陳陸陽隂隄隊階隕隖際隣隨險隱隴隷隸隻雋雖雙雛",
    "雜雞離難雲電霑霧霽靂靄靈靚靜靦靨靭鞀鞏鞦鞽韁韃韆韋韌韓韙韜韝韞韻響頁頂頃項順頇須",
    "頊頌頎預頑頒頓頗領頜頡頤頦頫頭頰頲頴頷頸頹頻頽顆題額顎顏顒顓顔願顙顛類顥顧顫顬顯",
    "顰顱顳顴風颮颯颱颳颶颺颼飄飆飇飈飛飢飥飩飪飫飭飯飲飴飼飽飾餃餄餅餉養餌餎餑餒餓餕",
    "餘餚餛餜餞餡餧館餵餺餽餾餿饃饅饈饉饊饋饌饑饒饗饞饢馬馭馮馱馳馴駁駐駑駒駔駕駘駙駛",
    "駝駟駡駢駭駮駰駱駸駿騁騂騅騎騏騐騙騣騤騫騭騮騰騶騷騸騾驀驁驂驃驄驅驊驌驍驕驗驚驛",
    "驟驢驤驥驪骯髏髒體髕髖髣髩髮髴鬆鬍鬚鬢鬥鬧鬨鬩鬭鬮鬱魎魘魚魛魢魨魯魴魷鮁鮃鮊鮋鮍",
    "鮎鮐鮑鮒鮓鮜鮞鮪鮫鮭鮮鮶鯀鯁鯇鯉鯊鯒鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯰鯷鯽鯿鰂鰃鰈鰉鰌鰍",
    "鰏鰐鰒鰓鰜鰟鰣鰥鰨鰩鰭鰮鰱鰲鰳鰵鰷鰹鰺鰻鰼鰾鱂鱅鱈鱉鱒鱔鱖鱗鱘鱝鱟鱠鱣鱤鱧鱨鱭鱷",
    "鱸鱺鳥鳧鳩鳬鳳鳴鳶鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴻鴿鵂鵐鵑鵒鵓鵜鵝鵞鵠鵡鵪鵬鵯鵰",
    "鵲鶇鶉鶓鶖鶘鶚鶡鶤鶥鶩鶯鶲鶴鶹鶺鶻鶼鶿鷀鷁鷂鷄鷊鷓鷖鷗鷙鷚鷥鷦鷯鷲鷴鷸鷹鷺鸌鸏鸕",
    "鸚鸛鸝鸞鹵鹹鹼鹽麅麗麥麩麪麫麯麴麵麹麼麽黃黌黏點黨黴黷黽黿鼂鼇鼈鼉鼴齊齋齎齏齒齗",
    "齙齜齟齠齡齣齦齧齪齬齲齶齷龍龐龔龕龜",
];

/// One bit per code point of the Basic Multilingual Plane (where every
/// listed character is): set when the character may change.
static BITS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1 << 10];
    for c in TRADITIONAL.iter().flat_map(|s| s.chars()) {
        let c = c as usize;
        bits[c >> 6] |= 1 << (c & 63);
    }
    bits
});

/// Whether `fast2s` may change `c`.
pub fn may_convert(c: char) -> bool {
    let c = c as usize;
    c < 1 << 16 && BITS[c >> 6] & (1 << (c & 63)) != 0
}

/// Whether `fast2s` leaves `text` as it is: none of its characters is one
/// it may change.
pub fn is_simplified(text: &str) -> bool {
    // Every listed character is in U+4000..=U+9FFF, whose UTF-8 encoding
    // is three bytes led by 0xE4..=0xE9; no other byte of valid UTF-8 is
    // in that range, so the text is scanned without decoding the rest.
    let bits = &*BITS;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if (0xE4..=0xE9).contains(&lead)
            && let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2))
        {
            let c = (usize::from(lead & 0x0F) << 12)
                | (usize::from(b1 & 0x3F) << 6)
                | usize::from(b2 & 0x3F);
            if bits[c >> 6] & (1 << (c & 63)) != 0 {
                return false;
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    true
}

/// Whether `fast2s::convert` gives `text` back as it is. Each character
/// it may change is converted with the characters before and after it,
/// which are all its rules look at: a text whose only such character is
/// `覆` of `覆盖` (a third of the generated plans' texts) is not converted
/// whole for nothing.
pub fn converts_to_itself(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    let mut prev = None;
    while let Some(c) = chars.next() {
        if may_convert(c) {
            let next = chars.peek().copied();
            let window: String = prev.into_iter().chain([c]).chain(next).collect();
            let converted = fast2s::convert(&window);
            if converted.chars().nth(usize::from(prev.is_some())) != Some(c) {
                return false;
            }
        }
        prev = Some(c);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character `fast2s` changes on its own is listed; every listed
    /// character is one it changes, or one of its context rules.
    #[test]
    fn the_list_is_the_crates_table() {
        const CONTEXT: &str = "兒覆夥藉瞭麽幺於乾著苧闔鍾讎畫";
        let mut changed = 0;
        for code in 0x800u32..=0xFFFF {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let alone = c.to_string();
            let converted = fast2s::convert(&alone) != alone;
            changed += usize::from(converted);
            assert_eq!(
                may_convert(c),
                converted || CONTEXT.contains(c),
                "{c} (U+{code:04X})"
            );
            assert_eq!(is_simplified(&format!("a{c}b")), !may_convert(c), "{c}");
        }
        assert!(changed > 2500, "{changed}");
        // What `is_simplified` relies on to skip other bytes.
        assert!(
            TRADITIONAL
                .iter()
                .flat_map(|s| s.chars())
                .all(|c| ('\u{4000}'..='\u{9FFF}').contains(&c))
        );
    }

    #[test]
    fn a_text_converts_to_itself_exactly_when_the_crate_leaves_it() {
        // Texts of the listed characters, their context and plain ones, in
        // every order of up to three, and at the ends of longer texts.
        let pool = [
            '覆', '盖', '反', '著', '看', '显', '於', '計', '畫', '兒', '科', '學', '2', '，',
        ];
        let mut texts = Vec::new();
        for &a in &pool {
            for &b in &pool {
                for &c in &pool {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("{a}{b}"));
                }
                texts.push(a.to_string());
            }
        }
        texts.push("扩大覆盖面和影响力，反覆推敲，显著提高".to_string());
        let mut both = [0, 0];
        for text in &texts {
            let same = fast2s::convert(text) == *text;
            assert_eq!(converts_to_itself(text), same, "{text}");
            assert_eq!(
                *crate::text::simplified_cow(text),
                fast2s::convert(text),
                "{text}"
            );
            both[usize::from(same)] += 1;
        }
        assert!(both[0] > 100 && both[1] > 100, "{both:?}");
    }

    #[test]
    fn context_rules_are_listed() {
        for (traditional, simplified) in [("看著", "看着"), ("計畫", "计划"), ("闔家", "合家")]
        {
            assert_eq!(fast2s::convert(traditional), simplified);
            assert!(!is_simplified(traditional));
        }
        assert!(is_simplified("到2025年，公民具备科学素质的比例达到25%"));
        assert!(!is_simplified("到2025年，公民具備科學素質的比例達到25%"));
    }
}
