"""The labels of a news page's buttons in the languages of the pages editors paste, each a whole line of its own:
share, listen to the article, go to its comments, copy its link, save it, print it, send feedback; and the banner
that says the article is old ("This article is more than 4 years old"). lines.py reads
a line that is one of them (and nothing else) as the page's furniture, never the article's subhead."""

from __future__ import annotations

# The whole line, case aside: "Teilen", "Escuchar nota", "Copiar enlace", "Ascolta l'articolo", "Słuchaj tekstu",
# "শেয়ার করুন"; "Compartir en Bluesky" (share on a network: the network's name after it)
SHARE = (
    r"teilen|compartir|partager|condividi|compartilhar|partilhar|delen|udostępnij|sdílet|sdílejte|zdieľať|dela|del|"
    r"jaa|megosztás|paylaş|поделиться|поширити|podijeli|podeli|distribuie|bagikan|chia sẻ|শেয়ার করুন|शेयर करें|"
    r"(?:compartir|partager|teilen|condividi|compartilhar|delen) (?:en|sur|auf|su|em|op|por|via) [\w.]+"
)
LISTEN = (
    r"artikel anhören|anhören|escuchar(?: (?:la )?(?:nota|noticia|artículo))?|écouter(?: (?:l['’]article|cet "
    r"article))?|ascolta(?: (?:l['’]articolo|l['’]audio|la notizia))?|ouvir(?: (?:a )?(?:notícia|matéria|artigo))?|"
    r"słuchaj(?: tekstu| artykułu)?|luister(?: naar (?:dit|het) artikel)?|poslechnout(?: si článek)?|lyssna|kuuntele|"
    r"nghe đọc bài|dengarkan"
)
COMMENTS = (
    r"ver comentarios|ir a los comentarios|kommentieren|zu den kommentaren|commenter|voir les commentaires|"
    r"commenta|vai ai commenti|comentar|ver comentários|reageer|skomentuj|komentovat"
)
LINK = r"copiar (?:enlace|link|o link)|copier le lien|link kopieren|copia (?:il )?link|kopiuj link|link copied"
SAVE = (
    r"guardar|merken|zur merkliste hinzufügen|sauvegarder|enregistrer|salva|salvar|opslaan|zapisz|uložit|"
    r"সেভ করুন|drucken|imprimir|imprimer|stampa|drukuj|tisk|feedback(?: senden| geben)?|retroalimentación|"
    # ... save it for later, give it away (English "Save for later" and "Gift this article" are lines.BUTTON's)
    r"read later|lire plus tard|später lesen|leer más tarde|leggi dopo|ler mais tarde|later lezen|"
    r"add to (?:your )?saved (?:stories|articles|items)|"
    r"offrir cet article|artikel verschenken|regalar (?:este )?artículo|regala l['’]articolo|presentear|"
    # ... and what the gift button says a subscriber may do ("Assinantes podem liberar 7 acessos por dia ...")
    r"(?:subscribers|assinantes|abonnenten|(?:les )?abonnés|(?:los )?suscriptores|gli abbonati|abonnees) "
    r"(?:can|podem|können|peuvent|pueden|possono|kunnen) (?:gift|share|unlock|liberar|compartilhar|presentear|"
    r"verschenken|offrir|regalar|compartir|regalare|condividere|cadeau doen|delen)\b[^.!?]{0,90}[.!]?"
)
# ... and how long it takes to read, labelled ("Temps de lecture 4 min.", "Lesezeit: 3 Min.", "Reading time: 5 min")
READING = (
    r"(?:reading time|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|lesezeit|lesedauer|"
    r"leestijd|czas czytania)\s*:?\s*\d+\s*min\w*\.?"
)
# A form's or a list's: sign in, register, send, confirm, click here, load more ("＞ ログイン", "abschicken",
# "Apstiprināt", "Cliquez ici »", "+ 加载更多新闻")
FORM = (
    r"log ?in|sign in|sign up|register|submit|anmelden|einloggen|registrieren|abschicken|absenden|se connecter|"
    r"connexion|s['’]inscrire|iniciar sesión|registrarse|entrar|accedi|registrati|inloggen|zaloguj się|"
    r"ログイン|新規会員登録|会員登録|登录|登入|注册|apstiprināt|click here|cliquez ici|klicken sie hier|"
    r"haga clic aquí|clique aqui|clicca qui|load more(?: news| stories| articles)?|加载更多(?:新闻)?|"
    r"(?:show|see|view) all(?: [\w-]+){0,2}|"  # a list's or a table's: "Show all counties", "See all polls"
    r"查看更多(?:跟[贴帖]|评论)"
)
# A teaser's link to the rest of its story, alone on its line ("Weiterlesen", "Lire la suite", "続きを読む"); in English
# "Read more" also heads a list of other stories (lines.RELATED), so it is not one here
READ_ON = (
    r"weiterlesen|mehr lesen|lire la suite|lire plus|leer más|seguir leyendo|continuar leyendo|leggi tutto|"
    r"continua a leggere|leia mais|continue lendo|continuar lendo|lees verder|czytaj dalej|czytaj więcej|"
    r"читать далее|читать дальше|číst dál|čítať ďalej|devamını oku|阅读全文|閱讀全文|続きを読む"
)
# ... and a banner over an old article: "This article is more than 4 years old", "This story is over a year old",
# "Dieser Artikel ist älter als ein Jahr", "Cet article a plus de 3 ans"
AGE = (
    r"this (?:article|story|post|page) is (?:more than|over) (?:a|one|an?|\d+) (?:years?|months?) old|"
    r"this (?:article|story) was published (?:more than|over) (?:a|one|\d+) (?:years?|months?) ago|"
    r"dieser (?:artikel|beitrag) ist (?:älter als|über|mehr als) (?:ein|\d+) (?:jahre?|monate?)(?: alt)?|"
    r"cet article a plus (?:d['’]un an|de \d+ ans)"
)
OTHER_BUTTONS = rf"(?:{SHARE}|{LISTEN}|{COMMENTS}|{LINK}|{SAVE}|{FORM}|{READ_ON}|{READING}|{AGE})"
